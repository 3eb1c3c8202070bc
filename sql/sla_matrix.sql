-- The SLA matrix of `hotline report` (docs/METRICS.md, "Tickets"; the JSON report's `tickets.sla`): solved tickets
-- with an SLA target by category x priority, those that breached it and the breach rate; only cells with such
-- tickets: a ticket counts on its solve day. Standard SQL: runs on DuckDB and Spark SQL (docs/SQL.md). Reads the
-- view of sql/ticket_measures.sql (create it first); no placeholders.
WITH cells AS (
    SELECT category, priority, COUNT(*) AS with_target, SUM(breached) AS breached
    FROM ticket_measures
    WHERE solved_in = 1 AND breached IS NOT NULL
    GROUP BY category, priority
)
SELECT category, priority, with_target, breached, breached / CAST(with_target AS DOUBLE) AS breach_rate
FROM cells
-- The report orders categories as its taxonomy (account, payment, billing, other, complaint) and priorities
-- urgent to none.
ORDER BY CASE category WHEN 'account' THEN 0 WHEN 'payment' THEN 1 WHEN 'billing' THEN 2 WHEN 'other' THEN 3
                       ELSE 4 END,
         CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 WHEN 'low' THEN 3 ELSE 4 END
