-- wrk script: story submissions with a unique submissionId each (wrk runs one Lua state per thread)
-- Ids are unique across threads and runs: the run id comes from the command line (wrk ... -- RUN_ID), the
-- thread's number from setup(), then a counter. (math.random is not seeded per thread in wrk, so it cannot be
-- used for this: every thread would draw the same numbers.)
local counter = 0
local run_id = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads) -- a global of the thread's own Lua state (a local here would shadow it)
end

function init(args)
  run_id = tonumber(args[1]) or os.time()
end

local function uuid()
  counter = counter + 1
  return string.format("%08x-%04x-4000-8000-%012x", run_id % 2^32, (thread_id or 0) % 65536, counter)
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

request = function()
  local body = '{"submissionId":"' .. uuid() .. '","role":"ouder","language":"nl","title":"Test",' ..
    '"text":"Na lang wachten kregen we een vaste hulpverlener die echt luisterde, en dat maakte voor ons gezin het verschil.",' ..
    '"answers":{"gevolg":"positief","gehoord":' .. (counter % 101) .. ',"op-tijd":"NA","themas":["wachten","communicatie"],' ..
    '"balans":[20,30,50],"regio":"twente"}}'
  return wrk.format(nil, nil, nil, body)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors: connect %d read %d write %d status %d timeout %d\n", summary.requests,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("latency ms: p50 %.2f p90 %.2f p99 %.2f max %.2f\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
