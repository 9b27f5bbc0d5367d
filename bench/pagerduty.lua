-- B1 alert storm: PagerDuty Events API v2 triggers, each for one of KEYS dedup keys picked at random,
-- so after the first trigger of each key every further event is a duplicate of an open alert.
-- ROUTING_KEY (integration key) and KEYS come from the environment set by bench/run.sh.
local routing_key = os.getenv("ROUTING_KEY")
local keys = tonumber(os.getenv("KEYS") or "500")
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
end

function init(args)
  math.randomseed(os.time() + seed * 7919)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local key = "bench-alert-" .. math.random(1, keys)
  local body = '{"routing_key":"' .. routing_key .. '","event_action":"trigger","dedup_key":"' .. key
    .. '","payload":{"summary":"Disk almost full on ' .. key .. '","source":"bench-host","severity":"warning",'
    .. '"custom_details":{"mount":"/var","used_percent":97}}}'
  return wrk.format(nil, "/api/events/v2/enqueue", nil, body)
end

dofile(os.getenv("BENCH_DIR") .. "/report.lua")
