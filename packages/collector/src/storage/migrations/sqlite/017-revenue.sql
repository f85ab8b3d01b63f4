-- migration: revenue
-- Revenue facts from the host's backend and the Stripe receiver. `fact_id` is the host's own id
-- (Stripe's event id for Stripe), so a repeated fact is a no-op. A fact belongs to a customer: the
-- account when the host has accounts, else the user. `arr` is what the subscription bills per year
-- after this fact (amount × 12 ÷ months per interval; 0 once cancelled; NULL for one-off
-- payments): MRR is ARR ÷ 12, summed exactly in minor units. `seq` orders facts of one
-- subscription that share an instant, as they arrived.
CREATE TABLE revenue_facts (
  seq             INTEGER PRIMARY KEY,
  project_id      TEXT NOT NULL,
  fact_id         TEXT NOT NULL,
  type            TEXT NOT NULL,
  customer_kind   TEXT NOT NULL CHECK (customer_kind IN ('account', 'user')),
  customer_id     TEXT NOT NULL,
  account_id      TEXT,
  user_id         TEXT,
  subscription_id TEXT,
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  currency        TEXT,
  billing         TEXT,
  interval_count  INTEGER,
  arr             INTEGER CHECK (arr >= 0),
  occurred_at     INTEGER NOT NULL,
  recorded_at     INTEGER NOT NULL,
  UNIQUE (project_id, fact_id)
);
CREATE INDEX revenue_facts_by_subscription ON revenue_facts (project_id, subscription_id, occurred_at, seq);
CREATE INDEX revenue_facts_by_time ON revenue_facts (project_id, occurred_at);
