-- wrk script: POST /api/check with article bodies read from $WIRETRACE_BODIES (one JSON per line),
-- rotating through them; reports non-2xx answers so a failing server cannot look fast.
local bodies = {}

-- formatted in init, once wrk has set the Host header
init = function(args)
  local path = os.getenv("WIRETRACE_BODIES") or "bodies.jsonl"
  for line in io.lines(path) do
    if #line > 0 then
      bodies[#bodies + 1] =
        wrk.format("POST", "/api/check", {["Content-Type"] = "application/json"}, line)
    end
  end
  assert(#bodies > 0, "no bodies in " .. path)
end

local i = 0
request = function()
  i = i % #bodies + 1
  return bodies[i]
end

done = function(summary, latency, requests)
  io.write(string.format("non-2xx answers %d, socket errors %d\n",
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, %.1f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
