-- migration: rewards
-- Rewards. `reward_entries` is the append-only ledger (the id is the caller's
-- idempotency key); `reward_balances` caches each user's sum and is the row every write locks
-- (in SQLite the single writer already serializes). The CHECK is a last line of defence: the
-- logic refuses overspending before it gets there.
CREATE TABLE reward_entries (
  project_id TEXT NOT NULL,
  id         TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  amount     INTEGER NOT NULL CHECK (amount <> 0),
  reason     TEXT NOT NULL,
  rule_id    TEXT,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, id)
);
CREATE INDEX reward_entries_by_user ON reward_entries (project_id, user_id, created_at);
CREATE INDEX reward_entries_by_rule ON reward_entries (project_id, user_id, rule_id, created_at);
CREATE INDEX reward_entries_by_time ON reward_entries (project_id, created_at);
CREATE TABLE reward_balances (
  project_id TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  balance    INTEGER NOT NULL CHECK (balance >= 0),
  lifetime   INTEGER NOT NULL,
  PRIMARY KEY (project_id, user_id)
) WITHOUT ROWID;
CREATE TABLE reward_redemptions (
  project_id     TEXT NOT NULL,
  id             TEXT NOT NULL,
  user_id        TEXT NOT NULL,
  item_id        TEXT NOT NULL,
  cost           INTEGER NOT NULL,
  status         TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  settled_at     INTEGER,
  failure_reason TEXT,
  PRIMARY KEY (project_id, id)
) WITHOUT ROWID;
CREATE INDEX reward_redemptions_by_item ON reward_redemptions (project_id, item_id, user_id);
CREATE INDEX reward_redemptions_by_time ON reward_redemptions (project_id, created_at);
CREATE TABLE reward_referral_codes (
  project_id TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  code       TEXT NOT NULL,
  PRIMARY KEY (project_id, user_id),
  UNIQUE (project_id, code)
) WITHOUT ROWID;
CREATE TABLE reward_referrals (
  project_id       TEXT NOT NULL,
  referred_user_id TEXT NOT NULL,
  referrer_user_id TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  converted_at     INTEGER,
  PRIMARY KEY (project_id, referred_user_id)
) WITHOUT ROWID;
