-- migration: holdout-buckets
-- Each user's and account's bucket in the rewards program's randomized draw (its hash, salted
-- per project, taken modulo 10,000; domain/rewards/holdout.ts), written with the row. The holdout
-- is then `holdout_bucket < percent × 100` in SQL: program impact and the holdout segments no
-- longer read every user to Node to hash them. Rows from before this migration (or written by an
-- older collector) get theirs when a collector opens the store; the partial indexes find them.
ALTER TABLE users ADD COLUMN holdout_bucket integer;
ALTER TABLE accounts ADD COLUMN holdout_bucket integer;
CREATE INDEX users_without_holdout_bucket ON users (project_id) WHERE holdout_bucket IS NULL;
CREATE INDEX accounts_without_holdout_bucket ON accounts (project_id) WHERE holdout_bucket IS NULL;
