-- migration: kpi-subject-kind-statistics
-- PostgreSQL gains statistics on the rollup's subject kind here; SQLite keeps no statistics (the
-- collector never runs ANALYZE) and needs none for that plan. What it probes instead is the
-- program's membership rule ("a positive ledger entry before @to") once per user in every program
-- group statement: this partial index answers each probe from the index alone.
CREATE INDEX reward_entries_earned ON reward_entries (project_id, user_id, created_at) WHERE amount > 0;
