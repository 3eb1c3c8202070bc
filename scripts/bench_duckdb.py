#!/usr/bin/env python3
"""The reference for scripts/bench: DuckDB computes hotline's `--by queue,category,hour` table (or `queue,hour`) from
the same CSV with SQL
(METRICS.md definitions: nearest-rank percentiles on whole-second waits; a repeat call is the caller's first call
enqueued strictly after the answered call ended, found with an ASOF JOIN rather than a window sort, no later than
72 h after the end, at millisecond precision; when that call is a leg of the same call id, a range join looks past
it), then the figures are compared with hotline's CSV, integers exactly and fractions to 1e-9.

Usage: bench_duckdb.py CALLS.csv HOTLINE_OUT.csv THREADS [CATEGORIES.csv]  -> prints the DuckDB wall time and the
comparison. CATEGORIES.csv (label,ivr_path,category) is hotline's own classification of the data's label and IVR
values, so the SQL groups by the same categories without re-implementing the rules.
"""
import csv
import sys
import time

import duckdb

QUERY = """
WITH raw AS (
  SELECT call_id, queue, outcome, caller, wait_s, talk_s, hold_s, wrap_s, csat,
         enqueued_at::TIMESTAMPTZ AS enq, ended_at::TIMESTAMPTZ AS ended, {category} AS cat
  FROM read_csv('{path}', header = true, all_varchar = true, ignore_errors = true) r
  {join}
  WHERE coalesce(direction, 'inbound') IN ('inbound', '')
),
c AS (
  SELECT call_id, queue, cat, outcome, caller, enq, ended,
         CAST(wait_s AS DOUBLE) AS wait, coalesce(TRY_CAST(talk_s AS DOUBLE), 0) + coalesce(TRY_CAST(hold_s AS DOUBLE), 0)
           + coalesce(TRY_CAST(wrap_s AS DOUBLE), 0) AS handle,
         TRY_CAST(csat AS INTEGER) AS score,
         lpad(CAST(hour(timezone('Asia/Shanghai', enq)) AS VARCHAR), 2, '0') AS hr,
         outcome IN ('answered', 'transferred') AS answered
  FROM raw
),
after_end AS (
  SELECT a.*, b.enq AS next_enq, b.call_id AS next_id
  FROM c a ASOF LEFT JOIN c b ON a.caller = b.caller AND a.ended < b.enq
),
nxt AS (
  SELECT f.*, CASE
      WHEN NOT f.answered OR f.next_enq IS NULL THEN false
      WHEN f.next_id <> f.call_id THEN epoch_ms(f.next_enq) <= epoch_ms(f.ended) + 72 * 3600 * 1000
      ELSE EXISTS (SELECT 1 FROM c b WHERE b.caller = f.caller AND b.enq > f.ended AND b.call_id <> f.call_id
                   AND epoch_ms(b.enq) <= epoch_ms(f.ended) + 72 * 3600 * 1000)
    END AS is_repeat
  FROM after_end f
),
ranked AS (
  SELECT queue, cat, hr, CAST(ceil(wait) AS BIGINT) AS w,
         row_number() OVER (PARTITION BY queue, cat, hr ORDER BY ceil(wait)) AS rn,
         count(*) OVER (PARTITION BY queue, cat, hr) AS n
  FROM c WHERE answered
),
pct AS (
  SELECT queue, cat, hr,
         min(w) FILTER (WHERE rn >= (50 * n + 99) // 100) AS p50,
         min(w) FILTER (WHERE rn >= (90 * n + 99) // 100) AS p90,
         min(w) FILTER (WHERE rn >= (99 * n + 99) // 100) AS p99
  FROM ranked GROUP BY queue, cat, hr
)
SELECT g.queue, g.cat, g.hr,
  count(*) AS offered,
  count(*) FILTER (WHERE answered) AS answered_n,
  count(*) FILTER (WHERE outcome = 'abandoned' AND wait >= 5) AS abandoned,
  count(*) FILTER (WHERE outcome = 'abandoned' AND wait < 5) AS short_abandoned,
  count(*) FILTER (WHERE outcome = 'timeout') AS timed_out,
  count(*) FILTER (WHERE outcome = 'callback') AS callback,
  count(*) FILTER (WHERE answered AND wait <= 20) / (count(*) - count(*) FILTER (WHERE outcome = 'abandoned' AND wait < 5)) AS service_level,
  count(*) FILTER (WHERE outcome = 'abandoned' AND wait >= 5) / (count(*) - count(*) FILTER (WHERE outcome = 'abandoned' AND wait < 5)) AS abandonment_rate,
  avg(wait) FILTER (WHERE answered) AS asa_s,
  any_value(p.p50) AS p50, any_value(p.p90) AS p90, any_value(p.p99) AS p99,
  max(wait) AS longest_wait_s,
  avg(handle) FILTER (WHERE answered) AS aht_s,
  count(*) FILTER (WHERE outcome = 'transferred') / nullif(count(*) FILTER (WHERE answered), 0) AS transfer_rate,
  count(*) FILTER (WHERE is_repeat) / nullif(count(*) FILTER (WHERE answered), 0) AS repeat_call_rate,
  avg(score) AS csat_mean,
  count(*) FILTER (WHERE score >= 4) / nullif(count(score), 0) AS csat_satisfied,
  count(score) AS csat_responses
FROM nxt g JOIN pct p ON p.queue = g.queue AND p.cat = g.cat AND p.hr = g.hr
GROUP BY g.queue, g.cat, g.hr ORDER BY g.queue, g.cat, g.hr
"""

COLUMNS = ["offered", "answered", "abandoned", "short_abandoned", "timed_out", "callback", "service_level",
           "abandonment_rate", "asa_s", "wait_p50_s", "wait_p90_s", "wait_p99_s", "longest_wait_s", "aht_s",
           "transfer_rate", "repeat_call_rate", "csat_mean", "csat_satisfied", "csat_responses"]


def main():
    path, hotline_out, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    categories = sys.argv[4] if len(sys.argv) > 4 else None
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    if categories:
        join = (f"LEFT JOIN read_csv('{categories}', header = true, all_varchar = true) m "
                "ON m.label = coalesce(r.category, '') AND m.ivr_path = coalesce(r.ivr_path, '')")
        category = "coalesce(m.category, 'other')"
    else:
        join, category = "", "''"
    start = time.perf_counter()
    rows = con.execute(QUERY.format(path=path, join=join, category=category)).fetchall()
    seconds = time.perf_counter() - start
    ours = {}
    with open(hotline_out, newline="") as f:
        for row in csv.DictReader(f):
            ours[(row["queue"], row.get("category", ""), row["hour"])] = row
    mismatches = 0
    for row in rows:
        key, values = (row[0], row[1], row[2]), row[3:]
        mine = ours.pop(key, None)
        if mine is None:
            print(f"missing in hotline: {key}")
            mismatches += 1
            continue
        for name, theirs in zip(COLUMNS, values):
            text = mine[name]
            if theirs is None and text == "":
                continue
            if theirs is None or text == "" or abs(float(text) - float(theirs)) > 1e-9 * max(1, abs(float(theirs))):
                if mismatches < 10:
                    print(f"differs {key} {name}: hotline {text!r}, duckdb {theirs!r}")
                mismatches += 1
    mismatches += len(ours)
    print(f"duckdb ({threads} threads): {seconds:.2f} s; {len(rows)} rows compared, {mismatches} differences")
    with open(hotline_out + ".duckdb-seconds", "w") as f:
        f.write(f"{seconds:.3f}\n")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
