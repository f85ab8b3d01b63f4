-- migration: accounts
-- Accounts (companies) and their members. `traits` hold only what the host vouched for: set with
-- the secret key or signed into a group token (a browser's claim never lands here). `traits_at`
-- orders late-arriving signed traits like `users.traits_at`. A membership's `active_at` is when the
-- account last became the user's active one: events without a verified account claim are given
-- the member's account with the newest `active_at` at write time (`events.account_id`).
CREATE TABLE accounts (
  project_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  traits     TEXT NOT NULL DEFAULT '{}',
  traits_at  INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, account_id)
) WITHOUT ROWID;
CREATE TABLE account_members (
  project_id TEXT NOT NULL,
  account_id TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  joined_at  INTEGER NOT NULL,
  active_at  INTEGER NOT NULL,
  PRIMARY KEY (project_id, account_id, user_id)
) WITHOUT ROWID;
CREATE INDEX account_members_by_user ON account_members (project_id, user_id, active_at);
ALTER TABLE events ADD COLUMN account_id TEXT;
-- Account KPIs read (day, account, user) over a period; anonymous and account-less events (most
-- of a B2C project's) stay out of the index and cost nothing on write.
CREATE INDEX events_by_account_time ON events (project_id, timestamp, account_id, user_id) WHERE account_id IS NOT NULL;
