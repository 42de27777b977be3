#!/usr/bin/env bash
# Load test of POST /api/check: starts `wiretrace serve --no-stories` on a store, samples article
# bodies from the corpora at run time, warms up, then runs wrk on loopback and prints wrk's
# latency percentiles and requests/s with the server's CPU time per check and its heap in use.
#
#   server/src/test/load/run.sh DATA_DIR [SECONDS] [CONNECTIONS] [CORPUS.jsonl.gz ...]
#
# Defaults: 30 s, 4 connections, the three corpora of ../shared/data/corpora (100 articles each).
# Environment: PORT (18181), HEAP (2g), PER_CORPUS (100), JAR (cli/target/wiretrace.jar).
set -euo pipefail
cd "$(dirname "$0")/../../../.."
data="${1:?usage: run.sh DATA_DIR [SECONDS] [CONNECTIONS] [CORPUS...]}"
seconds="${2:-30}"
conns="${3:-4}"
shift $(( $# < 3 ? $# : 3 ))
corpora=("$@")
if [ ${#corpora[@]} -eq 0 ]; then
  corpora=(../shared/data/corpora/reuters21578.jsonl.gz ../shared/data/corpora/bbc.jsonl.gz
           ../shared/data/corpora/allsides.jsonl.gz)
fi
port="${PORT:-18181}"
jar="${JAR:-cli/target/wiretrace.jar}"
work="$(mktemp -d)"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

python3 server/src/test/load/bodies.py "$work/bodies.jsonl" "${PER_CORPUS:-100}" "${corpora[@]}"
echo "bodies: $(wc -l < "$work/bodies.jsonl") articles sampled from ${corpora[*]}"

start=$(date +%s.%N)
java @cli/jvm.options -Xmx"${HEAP:-2g}" -jar "$jar" serve --data "$data" --port "$port" --host 127.0.0.1 --no-stories \
  >"$work/serve.out" 2>"$work/serve.err" &
server=$!
until grep -q "serving" "$work/serve.out" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.err"; exit 1; }
  sleep 0.2
done
ready=$(date +%s.%N)
cat "$work/serve.out"
printf 'server ready after %.1f s wall, %.1f s CPU\n' "$(echo "$ready - $start" | bc)" \
  "$(awk '{print ($14 + $15) / 100}' /proc/$server/stat)"

export WIRETRACE_BODIES="$work/bodies.jsonl"
url="http://127.0.0.1:$port/"
echo "warm-up: 15 s"
wrk -t2 -c"$conns" -d15s -s server/src/test/load/check.lua "$url" >/dev/null
ticks() { awk '{print $14 + $15}' /proc/$server/stat; }
c0=$(ticks)
wrk -t2 -c"$conns" -d"${seconds}s" --latency -s server/src/test/load/check.lua "$url" | tee "$work/wrk.txt"
c1=$(ticks)
requests=$(awk '/requests in/ {print $1}' "$work/wrk.txt")
printf 'server CPU per check: %.2f ms (%d requests); load average: %s\n' \
  "$(echo "($c1 - $c0) * 10 / $requests" | bc -l)" "$requests" "$(cut -d' ' -f1-3 /proc/loadavg)"
jcmd "$server" GC.run >/dev/null 2>&1 || true
jcmd "$server" GC.heap_info 2>/dev/null | grep -iE "garbage-first heap|total" | head -1 || true
