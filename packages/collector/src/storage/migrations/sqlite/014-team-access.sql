-- migration: team-access
-- Named console accounts with a role per project, one-time invitations, sessions, the shared
-- sign-in failure counter and the audit log. Tokens (sessions, invitations) are stored only as
-- SHA-256 hashes: a copy of the database signs nobody in.
CREATE TABLE console_accounts (
  id            TEXT PRIMARY KEY,
  email         TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  -- NULL for an account that signs in only through single sign-on.
  password_hash TEXT,
  created_at    INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE console_roles (
  account_id TEXT NOT NULL,
  project_id TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  granted_at INTEGER NOT NULL,
  PRIMARY KEY (account_id, project_id)
) WITHOUT ROWID;
CREATE INDEX console_roles_by_project ON console_roles (project_id, role);
CREATE TABLE console_invites (
  id          TEXT PRIMARY KEY,
  token_hash  TEXT NOT NULL UNIQUE,
  project_id  TEXT NOT NULL,
  email       TEXT NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  invited_by  TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  expires_at  INTEGER NOT NULL,
  -- Set once, by the one acceptance that wins; an accepted invitation never works again.
  accepted_at INTEGER
) WITHOUT ROWID;
CREATE INDEX console_invites_by_project ON console_invites (project_id, expires_at);
CREATE TABLE console_sessions (
  id         TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  account_id TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX console_sessions_by_account ON console_sessions (account_id, expires_at);
-- Failed sign-ins per key (account and client, or everyone) per fixed window, shared by every collector.
CREATE TABLE sign_in_failures (
  key          TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  failures     INTEGER NOT NULL,
  PRIMARY KEY (key, window_start)
) WITHOUT ROWID;
CREATE TABLE audit_log (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id     TEXT,
  at             INTEGER NOT NULL,
  actor          TEXT NOT NULL,
  action         TEXT NOT NULL,
  target         TEXT,
  target_version INTEGER
);
CREATE INDEX audit_log_by_project ON audit_log (project_id, at);
CREATE INDEX audit_log_by_target ON audit_log (project_id, target, target_version);
