-- One machine-readable line per wrk run for bench/run.sh: throughput of answered requests, latency
-- percentiles (ms) and failures. Non-2xx answers count as failures, not as throughput.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local failed = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format('BENCH {"perSecond":%.1f,"p50Ms":%.1f,"p90Ms":%.1f,"p99Ms":%.1f,"maxMs":%.1f,'
    .. '"requests":%d,"failed":%d,"non2xx":%d}\n',
    (summary.requests - failed) / seconds, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, summary.requests, failed, summary.errors.status))
end
