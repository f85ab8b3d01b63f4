-- migration: single-sign-on
-- Console sign-in through an OpenID Connect provider. `console_identities` ties a provider's
-- subject to an account (found by verified email at the first sign-in, by subject after), so a
-- changed email at the provider still reaches the same account. `console_oidc_logins` holds each
-- started sign-in's state (hashed), nonce and PKCE verifier for a few minutes; the callback deletes
-- its row as it reads it, so a state works once on every collector. A session remembers how it
-- was made: signing out of a single sign-on session also signs out at the provider.
CREATE TABLE console_identities (
  issuer     text NOT NULL,
  subject    text NOT NULL,
  account_id text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE TABLE console_oidc_logins (
  state_hash    text PRIMARY KEY,
  nonce         text NOT NULL,
  code_verifier text NOT NULL,
  expires_at    timestamptz NOT NULL
);
ALTER TABLE console_sessions ADD COLUMN via text NOT NULL DEFAULT 'password' CHECK (via IN ('password', 'sso'));
