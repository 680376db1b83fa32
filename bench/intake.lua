-- wrk script: story submissions with a unique submissionId each (wrk runs one Lua state per thread)
local counter = 0
local thread_id = 0

function setup(thread)
  thread:set("thread_id", math.random(1, 2^30))
end

function init(args)
  thread_id = math.random(1, 2^30)
end

local function uuid()
  counter = counter + 1
  return string.format("%08x-%04x-4%03x-8%03x-%012x", thread_id % 2^32, counter % 65536, math.random(0, 4095),
    math.random(0, 4095), counter)
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
