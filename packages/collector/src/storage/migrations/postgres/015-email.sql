-- migration: lifecycle-email
-- Lifecycle email (docs/email.md): the messages the console edits, the durable send queue and
-- who asked not to be written to.
CREATE TABLE email_messages (
  project_id text NOT NULL,
  id         text NOT NULL,
  definition jsonb NOT NULL,
  version    integer NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, id)
);
-- One row per (message, user, period): created once under that unique key, so planning twice
-- (or on two collectors) never queues a second copy. `holdout` rows are the measured share that
-- is never sent. A row is `sending` from its claim until the SMTP answer; a claim whose lease ran
-- out (the sender died) is claimed again. `campaign` is what the in-app fatigue budget and frequency
-- see a sent email as: the survey's id for NPS, `email:<message id>` otherwise.
CREATE TABLE email_sends (
  project_id      text NOT NULL,
  send_id         text NOT NULL,
  message_id      text NOT NULL,
  user_id         text NOT NULL,
  period          text NOT NULL,
  kind            text NOT NULL,
  campaign        text NOT NULL,
  category        text NOT NULL,
  status          text NOT NULL,
  payload         jsonb NOT NULL,
  attempts        integer NOT NULL DEFAULT 0,
  not_before      timestamptz NOT NULL,
  lease_until     timestamptz,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  to_address      text,
  smtp_message_id text,
  error           text,
  bounced_at      timestamptz,
  clicked_at      timestamptz,
  unsubscribed_at timestamptz,
  PRIMARY KEY (project_id, send_id),
  UNIQUE (project_id, message_id, user_id, period)
);
CREATE INDEX email_sends_due ON email_sends (status, not_before);
CREATE INDEX email_sends_by_message ON email_sends (project_id, message_id, created_at);
CREATE INDEX email_sends_by_address ON email_sends (project_id, to_address);
-- `category` is one of the unsubscribe categories, or `*` after a hard bounce or a complaint.
CREATE TABLE email_suppressions (
  project_id text NOT NULL,
  user_id    text NOT NULL,
  category   text NOT NULL,
  reason     text NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (project_id, user_id, category)
);
