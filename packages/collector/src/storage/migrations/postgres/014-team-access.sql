-- migration: team-access
-- Named console accounts with a role per project, one-time invitations, sessions, the shared
-- sign-in failure counter and the audit log. Tokens (sessions, invitations) are stored only as
-- SHA-256 hashes: a copy of the database signs nobody in.
CREATE TABLE console_accounts (
  id            text PRIMARY KEY,
  email         text NOT NULL UNIQUE,
  name          text NOT NULL,
  -- NULL for an account that signs in only through single sign-on.
  password_hash text,
  created_at    timestamptz NOT NULL
);
CREATE TABLE console_roles (
  account_id text NOT NULL,
  project_id text NOT NULL,
  role       text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  granted_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, project_id)
);
CREATE INDEX console_roles_by_project ON console_roles (project_id, role);
CREATE TABLE console_invites (
  id          text PRIMARY KEY,
  token_hash  text NOT NULL UNIQUE,
  project_id  text NOT NULL,
  email       text NOT NULL,
  role        text NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  invited_by  text NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  -- Set once, by the one acceptance that wins; an accepted invitation never works again.
  accepted_at timestamptz
);
CREATE INDEX console_invites_by_project ON console_invites (project_id, expires_at);
CREATE TABLE console_sessions (
  id         text PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  account_id text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX console_sessions_by_account ON console_sessions (account_id, expires_at);
-- Failed sign-ins per key (account and client, or everyone) per fixed window, shared by every collector.
CREATE TABLE sign_in_failures (
  key          text NOT NULL,
  window_start timestamptz NOT NULL,
  failures     integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE TABLE audit_log (
  id             bigserial PRIMARY KEY,
  project_id     text,
  at             timestamptz NOT NULL,
  actor          text NOT NULL,
  action         text NOT NULL,
  target         text,
  target_version integer
);
CREATE INDEX audit_log_by_project ON audit_log (project_id, at);
CREATE INDEX audit_log_by_target ON audit_log (project_id, target, target_version);
