-- The ticket figures of `hotline report` (docs/METRICS.md, "Tickets") per group, as the JSON report's `tickets`
-- section holds them: `categories` ({dims} = `category`), their `subcategories` (`category, subcategory`; rows with
-- a subcategory), `priorities` (`priority`) and `totals` (`total`, a constant column). Standard SQL: runs on DuckDB
-- and Spark SQL (docs/SQL.md). Reads the view of sql/ticket_measures.sql (create it first, with the same period);
-- the runner replaces {dims}, {satisfied_score} [4] and {end_at} (the end of the period's last local day as a UTC
-- TIMESTAMP literal, as in the view).
WITH flagged AS (
    SELECT m.*,
           CASE WHEN m.created_in = 1 AND m.reply_ms IS NOT NULL THEN 1 ELSE 0 END AS replied_in,
           CASE WHEN m.solved_in = 1 AND m.breached IS NOT NULL THEN 1 ELSE 0 END AS target_in,
           CASE WHEN m.solved_in = 1 THEN m.breached ELSE 0 END AS breached_in,
           CASE m.satisfaction WHEN '1' THEN 1 WHEN '2' THEN 2 WHEN '3' THEN 3 WHEN '4' THEN 4 WHEN '5' THEN 5 END
               AS score
    FROM ticket_measures m
),
ranked AS (
    -- Nearest-rank percentiles: each time's position within its row, among the times the row counts.
    SELECT f.*,
           ROW_NUMBER() OVER (PARTITION BY {dims}, replied_in ORDER BY reply_min) AS reply_position,
           SUM(replied_in) OVER (PARTITION BY {dims}) AS reply_n,
           ROW_NUMBER() OVER (PARTITION BY {dims}, solved_in ORDER BY resolution_min) AS resolution_position,
           SUM(solved_in) OVER (PARTITION BY {dims}) AS resolution_n
    FROM flagged f
),
figures AS (
    SELECT {dims},
           SUM(created_in) AS created,
           SUM(solved_in) AS solved,
           -- Open at the end of the period: created by then and not solved by then (every ticket exported).
           SUM(CASE WHEN is_solved = 1 AND solved_at < {end_at} THEN 0
                    WHEN created_at < {end_at} AND solved_without_time = 0 THEN 1 ELSE 0 END) AS backlog,
           SUM(replied_in) AS first_replies,
           -- The rank ceil(q * n), computed exactly: floor((100q * n + 99) / 100).
           MAX(CASE WHEN replied_in = 1 AND reply_position = FLOOR((50 * reply_n + 99) / 100.0)
                    THEN reply_min END) AS first_reply_p50_min,
           MAX(CASE WHEN replied_in = 1 AND reply_position = FLOOR((90 * reply_n + 99) / 100.0)
                    THEN reply_min END) AS first_reply_p90_min,
           SUM(solved_in) AS resolutions,
           MAX(CASE WHEN solved_in = 1 AND resolution_position = FLOOR((50 * resolution_n + 99) / 100.0)
                    THEN resolution_min END) AS resolution_p50_min,
           MAX(CASE WHEN solved_in = 1 AND resolution_position = FLOOR((90 * resolution_n + 99) / 100.0)
                    THEN resolution_min END) AS resolution_p90_min,
           SUM(target_in) AS sla_with_target,
           SUM(breached_in) AS sla_breached,
           SUM(CASE WHEN solved_in = 1 AND reopens IS NOT NULL THEN 1 ELSE 0 END) AS reopen_known,
           SUM(CASE WHEN solved_in = 1 AND reopens > 0 THEN 1 ELSE 0 END) AS reopened,
           SUM(CASE WHEN solved_in = 1 AND satisfaction = 'good' THEN 1 ELSE 0 END) AS satisfaction_good,
           SUM(CASE WHEN solved_in = 1 AND satisfaction = 'bad' THEN 1 ELSE 0 END) AS satisfaction_bad,
           SUM(CASE WHEN solved_in = 1 AND score IS NOT NULL THEN 1 ELSE 0 END) AS score_responses,
           SUM(CASE WHEN solved_in = 1 THEN score END) AS score_sum,
           SUM(CASE WHEN solved_in = 1 AND score >= {satisfied_score} THEN 1 ELSE 0 END) AS scores_satisfied
    FROM ranked
    GROUP BY {dims}
)
SELECT {dims}, created, solved, backlog, first_replies, first_reply_p50_min, first_reply_p90_min, resolutions,
       resolution_p50_min, resolution_p90_min, sla_with_target, sla_breached,
       CASE WHEN sla_with_target > 0 THEN sla_breached / CAST(sla_with_target AS DOUBLE) END AS sla_breach_rate,
       reopened,
       CASE WHEN reopen_known > 0 THEN reopened / CAST(reopen_known AS DOUBLE) END AS reopen_rate,
       satisfaction_good, satisfaction_bad, score_responses,
       CASE WHEN score_responses > 0 THEN score_sum / CAST(score_responses AS DOUBLE) END AS score_mean,
       CASE WHEN satisfaction_good + satisfaction_bad + score_responses > 0
            THEN (satisfaction_good + scores_satisfied)
                 / CAST(satisfaction_good + satisfaction_bad + score_responses AS DOUBLE) END AS satisfaction,
       satisfaction_good + satisfaction_bad + score_responses AS satisfaction_responses
FROM figures
-- A group with no ticket created or solved in the period and none open at its end has no row.
WHERE created > 0 OR solved > 0 OR backlog > 0
ORDER BY {dims}
