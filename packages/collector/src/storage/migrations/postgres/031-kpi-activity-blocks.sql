-- migration: kpi-activity-blocks
-- Per (project, subject, block of 62 UTC days: block = floor(day / 62)) a bitmap of the days the
-- subject has an event on, bit (day - 62 * block) set: "active on a whole day of a window" reads one
-- or two of these rows instead of the subject's day rows in the window (kpi/activity-blocks.ts).
-- Derived from the activity rollup (migration 009) and kept by the same fold: a queue chunk's days
-- are OR-ed in, a dirty subject's blocks are recomputed from its rebuilt days. 62 days keep every
-- bitmap below 2^62. The sum of distinct powers of two is their OR (no bitwise aggregate in SQLite).
CREATE TABLE kpi_activity_blocks (
  project_id text NOT NULL,
  subject    text NOT NULL,
  block      bigint NOT NULL,
  days       bigint NOT NULL,
  PRIMARY KEY (project_id, subject, block)
);
-- A window the same for every subject (churn's two) reads its blocks by block, covered: one pass
-- over the window's rows instead of every block row of the project's history.
CREATE INDEX kpi_activity_blocks_by_block ON kpi_activity_blocks (project_id, block, subject, days);
INSERT INTO kpi_activity_blocks
SELECT project_id, subject, (day - ((day % 62) + 62) % 62) / 62, CAST(SUM(CAST(1 AS bigint) << CAST(((day % 62) + 62) % 62 AS integer)) AS bigint)
FROM kpi_activity_days GROUP BY 1, 2, 3;
