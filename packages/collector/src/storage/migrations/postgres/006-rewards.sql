-- migration: rewards
-- Rewards; see the SQLite twin for the model. Here `reward_balances` rows are locked
-- with `SELECT … FOR UPDATE`, which serializes concurrent writes for one user across collectors.
CREATE TABLE reward_entries (
  project_id text NOT NULL,
  id         text NOT NULL,
  seq        bigserial,
  user_id    text NOT NULL,
  amount     bigint NOT NULL CHECK (amount <> 0),
  reason     text NOT NULL,
  rule_id    text,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id)
);
CREATE INDEX reward_entries_by_user ON reward_entries (project_id, user_id, created_at);
CREATE INDEX reward_entries_by_rule ON reward_entries (project_id, user_id, rule_id, created_at);
CREATE INDEX reward_entries_by_time ON reward_entries (project_id, created_at);
CREATE TABLE reward_balances (
  project_id text NOT NULL,
  user_id    text NOT NULL,
  balance    bigint NOT NULL CHECK (balance >= 0),
  lifetime   bigint NOT NULL,
  PRIMARY KEY (project_id, user_id)
);
CREATE TABLE reward_redemptions (
  project_id     text NOT NULL,
  id             text NOT NULL,
  user_id        text NOT NULL,
  item_id        text NOT NULL,
  cost           bigint NOT NULL,
  status         text NOT NULL,
  created_at     timestamptz NOT NULL,
  settled_at     timestamptz,
  failure_reason text,
  PRIMARY KEY (project_id, id)
);
CREATE INDEX reward_redemptions_by_item ON reward_redemptions (project_id, item_id, user_id);
CREATE INDEX reward_redemptions_by_time ON reward_redemptions (project_id, created_at);
CREATE TABLE reward_referral_codes (
  project_id text NOT NULL,
  user_id    text NOT NULL,
  code       text NOT NULL,
  PRIMARY KEY (project_id, user_id),
  UNIQUE (project_id, code)
);
CREATE TABLE reward_referrals (
  project_id       text NOT NULL,
  referred_user_id text NOT NULL,
  referrer_user_id text NOT NULL,
  created_at       timestamptz NOT NULL,
  converted_at     timestamptz,
  PRIMARY KEY (project_id, referred_user_id)
);
