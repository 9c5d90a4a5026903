-- wrk script of registration-throughput.sh: every request registers a new organisation.
--
--   wrk -t1 -c32 -d20s -s registration-throughput.lua http://127.0.0.1:<gateway>/api/members/organisations -- <run>
--
-- Each request gets a corporate number nobody used before, an Idempotency-Key and an owner e-mail of its own: the
-- 12-digit base is <run: 3 digits><wrk thread: 2 digits><counter of that thread: 7 digits>, and the check digit is the
-- registry's (services/member-registry/.../corporatenumber/CorporateNumber.java): 9 - (sum of P_n * Q_n mod 9), P_n the
-- n-th digit of the base from the right, Q_n 1 for odd n and 2 for even n. <run> must differ between the wrk runs
-- against one platform (warm-up steps and measured runs), or the numbers repeat and the registry answers 409.
--
-- done() prints one line for the script: "BENCH requests=... non2xx=... p50_us=... p99_us=..."

local PREFECTURES = { "13", "14", "11", "12", "27", "23", "01", "40", "08", "22" }
local HEADERS = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

local threads = {}
thread_number = 0   -- global: set for each thread by setup() in the main state, before init()
local run = 0
local counter = 0

function setup(thread)
   thread:set("thread_number", #threads)
   table.insert(threads, thread)
end

function init(args)
   run = tonumber(args[1] or "0") % 1000
end

local function check_digit(base)
   local sum = 0
   for n = 1, 12 do
      local digit = string.byte(base, 13 - n) - 48
      sum = sum + digit * ((n % 2 == 1) and 1 or 2)
   end
   return 9 - sum % 9
end

function request()
   counter = counter + 1
   local base = string.format("%03d%02d%07d", run, thread_number % 100, counter)
   local corporate_number = check_digit(base) .. base
   HEADERS["Idempotency-Key"] = "bench-" .. base
   local body = '{"legalName":"株式会社ベンチ登録' .. base .. '","organisationType":"SME",'
      .. '"corporateNumber":"' .. corporate_number .. '",'
      .. '"prefectureCode":"' .. PREFECTURES[counter % #PREFECTURES + 1] .. '",'
      .. '"employeeBand":"EMPLOYEES_20_TO_49","keywords":["精密加工","試作"],'
      .. '"owner":{"displayName":"登録 太郎","email":"owner-' .. base .. '@bench.example.jp"}}'
   return wrk.format("POST", nil, HEADERS, body)
end

function done(summary, latency, requests)
   local errors = summary.errors
   io.write(string.format("BENCH requests=%d non2xx=%d connect=%d read=%d write=%d timeout=%d duration_us=%d p50_us=%.0f p99_us=%.0f\n",
      summary.requests, errors.status, errors.connect, errors.read, errors.write, errors.timeout, summary.duration,
      latency:percentile(50), latency:percentile(99)))
end
