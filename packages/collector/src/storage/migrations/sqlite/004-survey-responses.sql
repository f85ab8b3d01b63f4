-- migration: survey-responses
-- Survey responses. One row per (project,
-- survey, user, cycle): the key that makes responses idempotent. `traits` is the answer-time
-- snapshot for segments. Webhook attempts are an audit trail of every delivery try.
CREATE TABLE survey_responses (
  project_id  TEXT NOT NULL,
  survey_id   TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  cycle       INTEGER NOT NULL,
  answer      TEXT NOT NULL,
  comment     TEXT,
  traits      TEXT NOT NULL,
  locale      TEXT,
  answered_at INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (project_id, survey_id, user_id, cycle)
) WITHOUT ROWID;
CREATE INDEX survey_responses_by_time ON survey_responses (project_id, survey_id, answered_at);
CREATE INDEX survey_responses_by_user ON survey_responses (project_id, user_id);
CREATE TABLE webhook_attempts (
  project_id      TEXT NOT NULL,
  delivery_id     TEXT NOT NULL,
  url             TEXT NOT NULL,
  attempt         INTEGER NOT NULL,
  at              INTEGER NOT NULL,
  status          INTEGER,
  error           TEXT,
  outcome         TEXT NOT NULL,
  next_attempt_at INTEGER,
  PRIMARY KEY (project_id, delivery_id, url, attempt)
) WITHOUT ROWID;
