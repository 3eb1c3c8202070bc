-- The `--by` table of `hotline report` (docs/METRICS.md, "Calls"), from the export's `calls` (docs/EXPORT.md).
-- Standard SQL: runs on DuckDB and Spark SQL. The runner defines the relation `calls` over the export and replaces
-- {dims} with the table's dimensions as export columns (`queue, category` for `--by queue,category`; `local_day,
-- local_interval` for the interval table `--by date,interval`), {short_abandon_s} and {repeat_window_h}; the
-- service-level threshold is each call's own `sl_threshold_s`. A period is a WHERE on `local_day` in `offered`
-- (the repeat calls look at every call).
WITH offered AS (
    -- Calls that entered a queue: inbound, with a queue outcome (IVR-only calls end in the menus).
    SELECT *,
           CASE WHEN outcome IN ('answered', 'transferred') THEN 1 ELSE 0 END AS is_answered,
           -- Waits count in whole seconds, rounded up, for the percentiles.
           CAST(CEIL(wait_s) AS INTEGER) AS wait_whole_s
    FROM calls
    WHERE direction = 'inbound' AND outcome NOT IN ('self_served', 'ivr_abandoned')
),
repeats AS (
    -- An answered call with a known caller is repeated when another inbound call of that caller (any queue,
    -- outcome or day, IVR-only calls too; not a leg of the same call) was enqueued strictly after it ended and at
    -- most the repeat window after its end.
    SELECT a.source_file, a.source_line, {a_dims},
           MAX(CASE WHEN b.source_line IS NULL THEN 0 ELSE 1 END) AS repeated
    FROM offered a
    LEFT JOIN calls b
      ON b.caller_key = a.caller_key
     AND b.direction = 'inbound'
     AND (a.call_key IS NULL OR a.call_key = '' OR b.call_key IS NULL OR b.call_key <> a.call_key)
     AND b.enqueued_at > a.ended_at
     AND b.enqueued_at <= a.ended_at + INTERVAL '{repeat_window_h}' HOUR
    WHERE a.is_answered = 1 AND a.caller_key IS NOT NULL AND a.caller_key <> ''
    -- One row per offered call (its file and line): the legs of a transfer share a call id.
    GROUP BY a.source_file, a.source_line, {a_dims}
),
repeat_rates AS (
    SELECT {dims}, COUNT(*) AS repeat_eligible, SUM(repeated) AS repeated
    FROM repeats
    GROUP BY {dims}
),
ranked AS (
    -- Answered waits in order within each row, for nearest-rank percentiles.
    SELECT {dims}, wait_whole_s,
           ROW_NUMBER() OVER (PARTITION BY {dims} ORDER BY wait_whole_s) AS position,
           COUNT(*) OVER (PARTITION BY {dims}) AS n
    FROM offered
    WHERE is_answered = 1
),
percentiles AS (
    -- The rank ceil(q * n), computed exactly: floor((100q * n + 99) / 100).
    SELECT {dims},
           MAX(CASE WHEN position = FLOOR((50 * n + 99) / 100.0) THEN wait_whole_s END) AS wait_p50_s,
           MAX(CASE WHEN position = FLOOR((90 * n + 99) / 100.0) THEN wait_whole_s END) AS wait_p90_s,
           MAX(CASE WHEN position = FLOOR((99 * n + 99) / 100.0) THEN wait_whole_s END) AS wait_p99_s
    FROM ranked
    GROUP BY {dims}
),
figures AS (
    SELECT {dims},
           COUNT(*) AS offered,
           SUM(is_answered) AS answered,
           SUM(CASE WHEN outcome = 'transferred' THEN 1 ELSE 0 END) AS transferred,
           SUM(CASE WHEN outcome = 'abandoned' AND wait_s < {short_abandon_s} THEN 1 ELSE 0 END) AS short_abandoned,
           SUM(CASE WHEN outcome = 'abandoned' AND wait_s >= {short_abandon_s} THEN 1 ELSE 0 END) AS abandoned,
           SUM(CASE WHEN outcome = 'timeout' THEN 1 ELSE 0 END) AS timed_out,
           SUM(CASE WHEN outcome = 'callback' THEN 1 ELSE 0 END) AS callback,
           SUM(CASE WHEN is_answered = 1 AND wait_s <= sl_threshold_s THEN 1 ELSE 0 END) AS within_threshold,
           SUM(CASE WHEN is_answered = 1 THEN wait_s END) AS answered_wait_s,
           SUM(CASE WHEN is_answered = 1 THEN talk_s + hold_s + wrap_s END) AS handle_s,
           MAX(wait_s) AS longest_wait_s,
           COUNT(csat) AS csat_responses,
           SUM(csat) AS csat_sum
    FROM offered
    GROUP BY {dims}
)
SELECT {dims}, f.offered, f.answered, f.abandoned, f.short_abandoned, f.timed_out, f.callback,
       f.transferred,
       CASE WHEN f.offered - f.short_abandoned > 0
            THEN f.within_threshold / CAST(f.offered - f.short_abandoned AS DOUBLE) END AS service_level,
       CASE WHEN f.offered - f.short_abandoned > 0
            THEN f.abandoned / CAST(f.offered - f.short_abandoned AS DOUBLE) END AS abandonment_rate,
       CASE WHEN f.answered > 0 THEN f.answered_wait_s / f.answered END AS asa_s,
       p.wait_p50_s, p.wait_p90_s, p.wait_p99_s, f.longest_wait_s,
       CASE WHEN f.answered > 0 THEN f.handle_s / f.answered END AS aht_s,
       CASE WHEN f.answered > 0 THEN f.transferred / CAST(f.answered AS DOUBLE) END AS transfer_rate,
       r.repeat_eligible,
       CASE WHEN r.repeat_eligible > 0 THEN r.repeated / CAST(r.repeat_eligible AS DOUBLE) END AS repeat_call_rate,
       f.csat_responses,
       CASE WHEN f.csat_responses > 0 THEN f.csat_sum / CAST(f.csat_responses AS DOUBLE) END AS csat_mean
FROM figures f
LEFT JOIN percentiles p USING ({dims})
LEFT JOIN repeat_rates r USING ({dims})
ORDER BY {dims}
