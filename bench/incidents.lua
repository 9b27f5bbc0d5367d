-- B2 incident start: POST /api/incidents as a service desk user (HTTP Basic, AUTH from bench/run.sh).
local auth = os.getenv("AUTH")

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Basic " .. auth
  wrk.body = '{"title":"Checkout fails with error 502","description":"Benchmark incident","caller":"bench",'
    .. '"vipCaller":false,"serviceId":"email","category":"software","impact":"low","urgency":"medium"}'
end

function request()
  return wrk.format(nil, "/api/incidents")
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
