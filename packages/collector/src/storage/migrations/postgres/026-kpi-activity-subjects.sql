-- migration: kpi-activity-subjects
-- One row per (project, subject) of the activity rollup (migration 009): the subject's first and
-- last event time (epoch ms). KPIs that ask "was this subject active in a window" walk these rows
-- and probe the subject's days through kpi_activity_days_by_subject, instead of grouping every day
-- row of the range by subject (a sort of millions of rows once every user is active most days).
-- Kept by the same fold as kpi_activity_days (kpi/rollup-fold.ts): the same queue chunk widens
-- first/last, a dirty subject's row is recomputed from its rebuilt days.
CREATE TABLE kpi_activity_subjects (
  project_id text NOT NULL,
  subject    text NOT NULL,
  first_at   bigint NOT NULL,
  last_at    bigint NOT NULL,
  PRIMARY KEY (project_id, subject)
);
INSERT INTO kpi_activity_subjects SELECT project_id, subject, MIN(first_at), MAX(last_at) FROM kpi_activity_days GROUP BY 1, 2;
-- The first-event lookup of never-identified visitors (009's partial index) now reads this table.
DROP INDEX kpi_activity_days_visitors;
