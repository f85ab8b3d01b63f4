-- migration: jobs
-- Durable background work (webhook deliveries, scheduled jobs): one row per job, claimed by any
-- collector process (FOR UPDATE SKIP LOCKED), retried with back-off, reclaimed when its
-- claimant's lease runs out. `key` makes enqueueing idempotent: the same key is one job however
-- often (or by however many instances) it is enqueued, for as long as the row is kept.
CREATE TABLE jobs (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL,
  key          text NOT NULL UNIQUE,
  payload      jsonb NOT NULL,
  -- pending: waits for run_at; running: claimed until lease_until; done; failed (given up).
  status       text NOT NULL,
  run_at       timestamptz NOT NULL,
  attempts     integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL,
  claimed_by   text,
  lease_until  timestamptz,
  last_error   text,
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
CREATE INDEX jobs_due ON jobs (run_at) WHERE status = 'pending';
CREATE INDEX jobs_leased ON jobs (lease_until) WHERE status = 'running';
CREATE INDEX jobs_finished ON jobs (updated_at) WHERE status IN ('done', 'failed');
-- Per-project rate limits shared by every collector on the database: a fixed-window counter per
-- project and window (window_start in epoch ms) of the allowance collectors claimed, in slices, so
-- a request rarely writes here. It may pass the limit: a claim is granted only what was left.
CREATE TABLE rate_limit_windows (
  project_id   text NOT NULL,
  window_start bigint NOT NULL,
  claimed      integer NOT NULL,
  PRIMARY KEY (project_id, window_start)
);
