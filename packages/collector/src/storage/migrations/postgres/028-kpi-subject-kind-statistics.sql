-- migration: kpi-subject-kind-statistics
-- The KPI statements keep identified users' rollup rows with `substr(subject, 1, 2) = 'u:'`. Without
-- statistics on that expression PostgreSQL guesses 0.5 % of the rows where it is most of them, and
-- then sorts the range's day rows by subject for a GROUP BY it would otherwise hash (program
-- impact's engagement at 1M events: half the time). ANALYZE (and autovacuum) gathers these with
-- the table's own statistics.
CREATE STATISTICS kpi_activity_days_subject_kind ON (substr(subject, 1, 2)) FROM kpi_activity_days;
