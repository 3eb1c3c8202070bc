#!/usr/bin/env python3
"""duckdb_fast.py FILE [THREADS] [TZ]: the `--by queue,category,hour` call table as an analyst would write it in
DuckDB SQL (typed read_csv, quantile_disc percentiles, lead() for repeat calls): the speed a user gets from DuckDB.
Its percentiles and repeat rule are close to, not exactly, hotline's definitions; time it, do not compare figures.
Needs `pip install duckdb`. Writes the table as CSV to standard output.
A copy of ../shared/perf/duckdb_fast.py (the tracker's yardstick), so `scripts/bench duckdb` runs without it."""
import sys, duckdb
f = sys.argv[1]
con = duckdb.connect()
if len(sys.argv) > 2:
    con.execute(f"SET threads={int(sys.argv[2])}")
tz = sys.argv[3] if len(sys.argv) > 3 else "Asia/Shanghai"
con.execute(f"SET TimeZone='{tz}'")
q = f"""
WITH c AS (
  SELECT *, CASE WHEN lower(category) IN ('account','payment','billing','other','complaint') THEN lower(category) ELSE 'other' END AS cat,
         hour(enqueued_at) AS h,
         outcome IN ('answered','transferred') AS ans
  FROM read_csv('{f}', header=true, types={{'enqueued_at':'TIMESTAMPTZ','answered_at':'TIMESTAMPTZ','ended_at':'TIMESTAMPTZ','caller':'VARCHAR','csat':'INTEGER'}})
  WHERE direction = 'inbound'),
r AS (
  SELECT *, lead(enqueued_at) OVER (PARTITION BY caller ORDER BY enqueued_at) AS nxt FROM c)
SELECT queue, cat AS category, h AS hour,
  count(*) offered, count(*) FILTER (ans) answered,
  count(*) FILTER (outcome='abandoned' AND wait_s>=5) abandoned,
  count(*) FILTER (outcome='abandoned' AND wait_s<5) short_abandoned,
  count(*) FILTER (outcome='timeout') timed_out, count(*) FILTER (outcome='callback') callback,
  (count(*) FILTER (ans AND wait_s<=20)) / nullif(count(*) - count(*) FILTER (outcome='abandoned' AND wait_s<5), 0) service_level,
  (count(*) FILTER (outcome='abandoned' AND wait_s>=5)) / nullif(count(*) - count(*) FILTER (outcome='abandoned' AND wait_s<5), 0) abandonment_rate,
  avg(wait_s) FILTER (ans) asa_s,
  quantile_disc(wait_s, 0.5) FILTER (ans) wait_p50_s, quantile_disc(wait_s, 0.9) FILTER (ans) wait_p90_s,
  quantile_disc(wait_s, 0.99) FILTER (ans) wait_p99_s, max(wait_s) longest_wait_s,
  avg(talk_s+hold_s+wrap_s) FILTER (ans) aht_s,
  (count(*) FILTER (outcome='transferred')) / nullif(count(*) FILTER (ans), 0) transfer_rate,
  avg(CASE WHEN nxt > ended_at AND nxt <= ended_at + INTERVAL 72 HOUR THEN 1.0 ELSE 0.0 END)
      FILTER (ans AND caller IS NOT NULL AND caller <> '' AND lower(caller) <> 'anonymous') repeat_call_rate,
  avg(csat) csat_mean, avg(CASE WHEN csat>=4 THEN 1.0 ELSE 0.0 END) FILTER (csat IS NOT NULL) csat_satisfied, count(csat) csat_responses
FROM r GROUP BY ALL ORDER BY ALL
"""
con.execute(f"COPY ({q}) TO '/dev/stdout' (HEADER)")
