-- A mix of a centre's daily pages: people list, a person, a case, a registration (API), the dashboard.
local people, cases = {}, {}
local cookie, bearer = os.getenv("SANAD_COOKIE"), os.getenv("SANAD_BEARER")
for line in io.lines((os.getenv("LOAD_DIR") or "/tmp/load") .. "/people.txt") do people[#people + 1] = line end
for line in io.lines((os.getenv("LOAD_DIR") or "/tmp/load") .. "/cases.txt") do cases[#cases + 1] = line end
local n = 0
math.randomseed(7)
request = function()
  n = n + 1
  local r = math.random(100)
  if r <= 30 then
    return wrk.format("GET", "/people?page=" .. math.random(5), {Cookie = cookie})
  elseif r <= 55 then
    return wrk.format("GET", "/people/" .. people[math.random(#people)], {Cookie = cookie})
  elseif r <= 75 then
    return wrk.format("GET", "/cases/" .. cases[math.random(#cases)], {Cookie = cookie})
  elseif r <= 85 then
    local body = string.format('{"nameOriginal":"Load Test %d %d","sex":"Feminine","estimatedAge":30,"centre":"SD01"}', n, math.random(1000000))
    return wrk.format("POST", "/api/v1/people", {Authorization = "Bearer " .. bearer, ["Content-Type"] = "application/json"}, body)
  else
    return wrk.format("GET", "/reports", {Cookie = cookie})
  end
end
local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  io.write(string.format("requests %d, errors connect %d read %d write %d status %d timeout %d\n", summary.requests,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  io.write(string.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
