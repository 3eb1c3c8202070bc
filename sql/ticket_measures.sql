-- Every ticket of the export with the times the ticket figures measure (docs/METRICS.md, "Tickets"), for
-- sql/tickets.sql and sql/sla_matrix.sql: reply and resolution in milliseconds and in whole minutes (rounded up) on
-- the report's clock, whether it counts as created or solved in the period, and `breached` (1 or 0) for a solved
-- ticket an SLA rule sets a target for (NULL otherwise). Standard SQL: runs on DuckDB and Spark SQL (docs/SQL.md).
-- The runner defines the relations `tickets`, `calendar` and `sla_targets` over the export (docs/EXPORT.md;
-- `calendar` empty when the export has none) and `unix_millis(ts)` (Spark's function: UTC milliseconds since the
-- epoch), replaces {clock} (`business` when the export has a calendar, the report's `tickets.clock`; else
-- `calendar`) and the period as UTC instants: {from_at} (the start of its first local day) and {end_at} (the end
-- of its last), TIMESTAMP literals; and creates this view before running either query.
CREATE OR REPLACE TEMPORARY VIEW ticket_measures AS
WITH t AS (
    SELECT tickets.*, 'total' AS total,
           -- Solved: the status says so and the export gives the time. Solved without a time: out of resolution
           -- figures and the backlog.
           CASE WHEN status IN ('solved', 'closed') AND solved_at IS NOT NULL THEN 1 ELSE 0 END AS is_solved,
           CASE WHEN status IN ('solved', 'closed') AND solved_at IS NULL THEN 1 ELSE 0 END AS solved_without_time
    FROM tickets
),
spans AS (
    -- The times measured: created to first reply (a ticket with a reply), created to solved (a solved ticket).
    SELECT source_file, source_line, 'reply' AS span,
           unix_millis(created_at) AS from_ms, unix_millis(first_reply_at) AS to_ms
    FROM t
    WHERE first_reply_at IS NOT NULL
    UNION ALL
    SELECT source_file, source_line, 'resolution' AS span,
           unix_millis(created_at) AS from_ms, unix_millis(solved_at) AS to_ms
    FROM t
    WHERE is_solved = 1
),
seconds AS (
    -- Business time counts whole seconds: both ends rounded down to the second.
    SELECT s.*,
           CAST(FLOOR(from_ms / 1000.0) AS BIGINT) * 1000 AS from_s_ms,
           CAST(FLOOR(to_ms / 1000.0) AS BIGINT) * 1000 AS to_s_ms
    FROM spans s
),
hours AS (
    SELECT unix_millis(open_at) AS open_ms, unix_millis(close_at) AS close_ms FROM calendar
),
durations AS (
    -- On the business clock the overlap with each working period (a range join with the calendar); on the
    -- calendar clock the plain difference in milliseconds.
    SELECT s.source_file, s.source_line, s.span,
           CASE WHEN '{clock}' = 'business'
                -- (GREATEST and LEAST skip NULLs: a ticket no working period overlaps counts 0, not its span.)
                THEN COALESCE(SUM(CASE WHEN h.open_ms IS NOT NULL
                                       THEN GREATEST(LEAST(h.close_ms, s.to_s_ms)
                                                     - GREATEST(h.open_ms, s.from_s_ms), 0)
                                  END), 0)
                ELSE MAX(s.to_ms - s.from_ms) END AS ms
    FROM seconds s
    LEFT JOIN hours h
      ON '{clock}' = 'business' AND h.open_ms < s.to_s_ms AND h.close_ms > s.from_s_ms
    GROUP BY s.source_file, s.source_line, s.span
),
measured AS (
    SELECT t.*, r.ms AS reply_ms, z.ms AS resolution_ms,
           -- Minutes for the percentiles: a time of d counts as ceil(d / 60 s) minutes, a negative time as 0.
           -- (GREATEST skips NULLs, hence the CASE.)
           CASE WHEN r.ms IS NOT NULL THEN CAST(CEIL(GREATEST(r.ms, 0) / 60000.0) AS BIGINT) END AS reply_min,
           CASE WHEN z.ms IS NOT NULL THEN CAST(CEIL(GREATEST(z.ms, 0) / 60000.0) AS BIGINT) END AS resolution_min,
           -- Created counts on the creation day, solved on the solve day, each in the period.
           CASE WHEN t.created_at >= {from_at} AND t.created_at < {end_at} THEN 1 ELSE 0 END AS created_in,
           CASE WHEN t.is_solved = 1 AND t.solved_at >= {from_at} AND t.solved_at < {end_at} THEN 1 ELSE 0 END
               AS solved_in
    FROM t
    LEFT JOIN durations r ON r.source_file = t.source_file AND r.source_line = t.source_line AND r.span = 'reply'
    LEFT JOIN durations z
      ON z.source_file = t.source_file AND z.source_line = t.source_line AND z.span = 'resolution'
),
targeted AS (
    -- The first `tickets.sla` rule (by `rule`) matching the ticket's category and priority that sets a target.
    SELECT m.source_file, m.source_line, MIN(g.rule) AS rule
    FROM measured m
    JOIN sla_targets g
      ON (g.category IS NULL OR g.category = '' OR g.category = m.category)
     AND (g.priority IS NULL OR g.priority = '' OR g.priority = m.priority)
     AND (g.first_reply_min IS NOT NULL OR g.resolution_min IS NOT NULL)
    WHERE m.is_solved = 1
    GROUP BY m.source_file, m.source_line
),
breaches AS (
    -- Late: strictly more than the target; a ticket with no reply does not breach the reply target.
    SELECT x.source_file, x.source_line,
           CASE WHEN (g.first_reply_min IS NOT NULL
                      AND COALESCE(m.reply_ms, 0) > CAST(g.first_reply_min AS BIGINT) * 60000)
                  OR (g.resolution_min IS NOT NULL
                      AND COALESCE(m.resolution_ms, 0) > CAST(g.resolution_min AS BIGINT) * 60000)
                THEN 1 ELSE 0 END AS breached
    FROM targeted x
    JOIN sla_targets g ON g.rule = x.rule
    JOIN measured m ON m.source_file = x.source_file AND m.source_line = x.source_line
)
SELECT m.*, b.breached
FROM measured m
LEFT JOIN breaches b ON b.source_file = m.source_file AND b.source_line = m.source_line
