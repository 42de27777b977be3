#!/usr/bin/env bash
# Peers benchmark: Wiretrace's near-duplicate detector beside Spark MLlib MinHashLSH, Debian's
# simhash and Debian's sim_text (similarity-tester) on the same work: the articles of a corpus
# (default Reuters-21578), the truth being every pair with exact Jaccard >= 0.8 on word 5-shingles
# (`wiretrace eval dedup --pairs-out`). Prints one Markdown table: peer, work, articles, time
# (the tool's own work, then the whole process; wall and CPU), pairs found, recall, precision.
#
# Usage: bench/peers/run.sh [--quick] [--full-pairwise] [--corpus FILE] [--sample N]
#                           [--timeout SECONDS] [--work DIR] [--skip PEER]...
#   --quick          the sample only, without Spark (a couple of minutes)
#   --full-pairwise  also run sim_text -e (each file against each file) on the whole corpus
#   --skip PEER      wiretrace | spark | simhash | simtext
#   --resume         with --work of an earlier run: keep the runs that finished (their times too)
# Needs: the built jar (./mvnw -o -pl ingest,core,server,cli -am package -DskipTests) and the spark
# module's classes (./mvnw -o -pl spark compile); python3; /usr/bin/time; simhash, sim_text.
# Installs nothing: a missing tool is reported with the command that installs it and skipped.
# Temporary files go to --work (default: a new folder under ${TMPDIR:-/tmp}), never the repo.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
peers="$root/bench/peers/peers.py"
jar="$root/cli/target/wiretrace.jar"
corpus="$root/../shared/data/corpora/reuters21578.jsonl.gz"
sample=2000
limit=1800
quick=0
resume=0
pairwise=0
work=""
skip=" "
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --resume) resume=1 ;;
    --full-pairwise) pairwise=1 ;;
    --corpus) corpus="$2"; shift ;;
    --sample) sample="$2"; shift ;;
    --timeout) limit="$2"; shift ;;
    --work) work="$2"; shift ;;
    --skip) skip="$skip$2 "; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -r "$corpus" ] || { echo "run.sh: cannot read corpus $corpus" >&2; exit 2; }
[ -s "$jar" ] || { echo "run.sh: build first: ./mvnw -o -pl ingest,core,server,cli -am package -DskipTests" >&2; exit 2; }
for t in java python3 timeout; do
  command -v "$t" >/dev/null || { echo "run.sh: $t is required" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "run.sh: /usr/bin/time is required: apt-get install -y time" >&2; exit 2; }
have() { # peer, command, package
  case "$skip" in *" $1 "*) return 1 ;; esac
  if [ -n "$2" ] && ! command -v "$2" >/dev/null; then
    echo "run.sh: $2 not installed, $1 skipped (install: apt-get install -y $3)" >&2
    return 1
  fi
}
spark_ok=1
if [ ! -f "$root/spark/target/classes/org/wiretrace/spark/peers/MinHashLshPeer.class" ]; then
  echo "run.sh: spark peer not built, skipped (build: ./mvnw -o -pl ingest,core install -DskipTests && ./mvnw -o -pl spark compile)" >&2
  spark_ok=0
fi
[ "$quick" = 1 ] && spark_ok=0
[ -n "$work" ] || work="$(mktemp -d "${TMPDIR:-/tmp}/wiretrace-peers.XXXXXX")"
mkdir -p "$work"
case "$(cd "$work" && pwd)/" in "$root"/*) echo "run.sh: --work must be outside the repository" >&2; exit 2 ;; esac
echo "run.sh: work folder $work" >&2
rows="$work/rows.md"
: >"$rows"
cpus=$(nproc)
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# timed OUT LOG CMD...: runs CMD bounded by the timeout, /usr/bin/time figures to OUT.time
# ("wall user sys maxrss_kb"); returns CMD's status (124 on timeout).
timed() {
  local out="$1" log="$2"
  shift 2
  local rc=0
  if [ "$resume" = 1 ] && [ -s "$out.time" ] && [ -s "$out.done" ]; then
    echo "run.sh: reusing the finished run of $*" >&2
    return 0
  fi
  rm -f "$out.done"
  /usr/bin/time -o "$out.time" -f "%e %U %S %M" timeout "$limit" "$@" >"$log" 2>"$log.err" || rc=$?
  if [ "$rc" = 124 ] || grep -q "Command terminated by signal\|exited with non-zero status 124" "$out.time"; then
    echo "run.sh: timed out after ${limit}s: $*" >&2
    return 124
  fi
  [ "$rc" = 0 ] && date -u >"$out.done"
  return "$rc"
}
proc_times() { awk 'END {printf "%.2f %.2f\n", $1, $2 + $3}' "$1.time"; }
# row PEER WORK ARTICLES TRUTH FOUND WORK_WALL WORK_CPU PROC_WALL PROC_CPU [--scan]
row() {
  python3 "$peers" score "$4" "$5" ${10:-} >"$5.score"
  python3 "$peers" row "$5.score" --peer "$1" --work "$2" --articles "$3" \
    --wall "$6" --cpu "$7" --proc-wall "$8" --proc-cpu "$9" | tee -a "$rows" >&2
}

# unfinished PEER WORK ARTICLES OUT: the row of a run that failed or timed out, with its cost so far
unfinished() {
  local w c
  read -r w c < <(proc_times "$4")
  printf '| %s | %s | %s | not finished (%s) | %s s / %s s | - | - | - |\n' "$1" "$2" "$3" \
    "$(head -1 "$4.time" | sed 's/Command exited with non-zero status 124/timed out/; s/Command //')" "$w" "$c" | tee -a "$rows" >&2
}

# run_all NAME INPUT ARTICLES_JSONL: every peer on one input
run_all() {
  local name="$1" input="$2" d="$work/$1"
  mkdir -p "$d"
  local n
  echo "run.sh: [$name] wiretrace eval dedup (truth and Wiretrace's detector)" >&2
  timed "$d/wt" "$d/wt.json" java @"$root/cli/jvm.options" -Xmx3g -jar "$jar" eval dedup --json --pairs-out "$d/wt" "$input" || {
    echo "run.sh: eval dedup failed, see $d/wt.json.err" >&2; exit 1; }
  n=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["articles"])' "$d/wt.json")
  local truth="$d/wt/truth.tsv"
  if have wiretrace "" ""; then
    read -r ww wc < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(r["detector_seconds"], r["detector_cpu_seconds"])' "$d/wt.json")
    read -r pw pc < <(proc_times "$d/wt")
    row "Wiretrace \`eval dedup\` (LSH index + verification)" "$name" "$n" "$truth" "$d/wt/found.tsv" "$ww" "$wc" "$pw" "$pc"
  fi
  echo "run.sh: [$name] one file per article" >&2
  if [ "$resume" = 0 ] || [ ! -s "$d/files.list" ]; then
    java -jar "$jar" extract --json --quiet "$input" >"$d/articles.jsonl" 2>/dev/null
    python3 "$peers" files "$d/articles.jsonl" "$d/files"
    (cd "$d/files" && ls -- *.txt >"$d/files.list")
  fi
  if [ "$spark_ok" = 1 ] && have spark "" ""; then
    echo "run.sh: [$name] Spark MLlib MinHashLSH approxSimilarityJoin, local[2]" >&2
    if timed "$d/spark" "$d/spark.log" "$root/spark/run-local" org.wiretrace.spark.peers.MinHashLshPeer "$d/spark.tsv" "$input"; then
      read -r ww wc < <(sed -n 's/^spark work \([0-9.]*\)s wall, \([0-9.]*\)s CPU.*/\1 \2/p' "$d/spark.log")
      read -r pw pc < <(proc_times "$d/spark")
      row "Spark MLlib \`MinHashLSH\` (5 tables) + \`approxSimilarityJoin\`, local[2]" "$name" "$n" "$truth" "$d/spark.tsv" "$ww" "$wc" "$pw" "$pc"
    else
      unfinished "Spark MLlib \`MinHashLSH\`" "$name" "$n" "$d/spark"
    fi
  fi
  if have simhash simhash simhash; then
    echo "run.sh: [$name] simhash -m (shingleprints, all-pairs matrix)" >&2
    if (cd "$d/files" && timed "$d/simhash" "$d/simhash.out" xargs -a "$d/files.list" -s 2000000 -x simhash -m); then
      # the matrix has n(n-1)/2 entries (1.2 GB for 19,779 files): parsed once, then deleted
      [ -s "$d/simhash.out" ] && python3 "$peers" simhash "$d/simhash.out" "$d/files" "$d/simhash.tsv"
      read -r pw pc < <(proc_times "$d/simhash")
      row "Debian \`simhash -m\` (128 min 8-byte shingle hashes)" "$name" "$n" "$truth" "$d/simhash.tsv" "$pw" "$pc" "$pw" "$pc" --scan
      rm -f "$d/simhash.out"
    else
      unfinished "Debian \`simhash -m\`" "$name" "$n" "$d/simhash"
    fi
  fi
  if have simtext sim_text similarity-tester; then
    local modes="fast"
    if [ "$name" = sample ] || [ "$pairwise" = 1 ]; then modes="fast pairwise"; fi
    for m in $modes; do
      local flag="" label="sim_text -r 5 -a -p (one pass over all files)"
      if [ "$m" = pairwise ]; then flag="-e"; label="sim_text -r 5 -e -a -p (each file against each)"; fi
      echo "run.sh: [$name] $label" >&2
      if (cd "$d/files" && timed "$d/simtext-$m" "$d/simtext-$m.log" sim_text -r 5 $flag -a -p -t 50 -T -i -o "$d/simtext-$m.out" <"$d/files.list"); then
        python3 "$peers" simtext "$d/simtext-$m.out" "$d/files" "$d/simtext-$m.tsv" --both
        read -r pw pc < <(proc_times "$d/simtext-$m")
        row "Debian \`$label\`" "$name" "$n" "$truth" "$d/simtext-$m.tsv" "$pw" "$pc" "$pw" "$pc" --scan
      else
        unfinished "Debian \`$label\`" "$name" "$n" "$d/simtext-$m"
      fi
    done
  fi
}

if [ "$quick" = 0 ]; then
  run_all all "$corpus"
  truth_all="$work/all/wt/truth.tsv"
  articles_all="$work/all/articles.jsonl"
else
  mkdir -p "$work/all"
  timed "$work/all/wt" "$work/all/wt.json" java @"$root/cli/jvm.options" -Xmx3g -jar "$jar" eval dedup --json --pairs-out "$work/all/wt" "$corpus"
  java -jar "$jar" extract --json --quiet "$corpus" >"$work/all/articles.jsonl" 2>/dev/null
  truth_all="$work/all/wt/truth.tsv"
  articles_all="$work/all/articles.jsonl"
fi
python3 "$peers" sample "$truth_all" "$articles_all" "$work/sample.jsonl" --size "$sample"
run_all sample "$work/sample.jsonl"

load_end=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "Corpus: $corpus; sample: $sample articles holding every truth pair of the corpus (seed 42)."
echo "Machine: $cpus CPUs; load average at start $load_start, at end $load_end."
echo "Truth: pairs with exact Jaccard >= 0.8 on word 5-shingles (copies: Jaccard 1; near: below 1)."
echo "Time: the tool's own work, then the whole process (JVM start, reading, for eval dedup the exact"
echo "truth); CPU = user + system of all threads. Tools with their own score: recall/precision at 0.80,"
echo "and in brackets at the best-F1 threshold (tuned on this very truth: an upper bound)."
echo
echo "| peer | work | articles | work time (wall / CPU) | process (wall / CPU) | pairs found | recall | precision |"
echo "|---|---|---|---|---|---|---|---|"
cat "$rows"
