-- migration: lifecycle-email
-- Lifecycle email (docs/email.md): the messages the console edits, the durable send queue and
-- who asked not to be written to.
CREATE TABLE email_messages (
  project_id TEXT NOT NULL,
  id         TEXT NOT NULL,
  definition TEXT NOT NULL,
  version    INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, id)
) WITHOUT ROWID;
-- One row per (message, user, period): created once under that unique key, so planning twice
-- (or on two collectors) never queues a second copy. `holdout` rows are the measured share that
-- is never sent. A row is `sending` from its claim until the SMTP answer; a claim whose lease ran
-- out (the sender died) is claimed again. `campaign` is what the in-app fatigue budget and frequency
-- see a sent email as: the survey's id for NPS, `email:<message id>` otherwise.
CREATE TABLE email_sends (
  project_id      TEXT NOT NULL,
  send_id         TEXT NOT NULL,
  message_id      TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  period          TEXT NOT NULL,
  kind            TEXT NOT NULL,
  campaign        TEXT NOT NULL,
  category        TEXT NOT NULL,
  status          TEXT NOT NULL,
  payload         TEXT NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  not_before      INTEGER NOT NULL,
  lease_until     INTEGER,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  to_address      TEXT,
  smtp_message_id TEXT,
  error           TEXT,
  bounced_at      INTEGER,
  clicked_at      INTEGER,
  unsubscribed_at INTEGER,
  PRIMARY KEY (project_id, send_id),
  UNIQUE (project_id, message_id, user_id, period)
) WITHOUT ROWID;
CREATE INDEX email_sends_due ON email_sends (status, not_before);
CREATE INDEX email_sends_by_message ON email_sends (project_id, message_id, created_at);
CREATE INDEX email_sends_by_address ON email_sends (project_id, to_address);
-- `category` is one of the unsubscribe categories, or `*` after a hard bounce or a complaint.
CREATE TABLE email_suppressions (
  project_id TEXT NOT NULL,
  user_id    TEXT NOT NULL,
  category   TEXT NOT NULL,
  reason     TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (project_id, user_id, category)
) WITHOUT ROWID;
