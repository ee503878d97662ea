-- People search, one kind of query at a time (QUERY_FILE: one URL-encoded query a line), through the API.
local queries = {}
local bearer = os.getenv("SANAD_BEARER")
for line in io.lines(os.getenv("QUERY_FILE")) do queries[#queries + 1] = line end
math.randomseed(11)
request = function()
  return wrk.format("GET", "/api/v1/people?per=20&q=" .. queries[math.random(#queries)],
    {Authorization = "Bearer " .. bearer})
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %.2f %.1f %.1f %.1f %d\n", summary.requests,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
      + summary.errors.timeout))
end
