-- migration: survey-responses
-- Survey responses. One row per (project,
-- survey, user, cycle): the key that makes responses idempotent. `traits` is the answer-time
-- snapshot for segments. Webhook attempts are an audit trail of every delivery try.
CREATE TABLE survey_responses (
  project_id  text NOT NULL,
  survey_id   text NOT NULL,
  user_id     text NOT NULL,
  cycle       integer NOT NULL,
  answer      jsonb NOT NULL,
  comment     text,
  traits      jsonb NOT NULL,
  locale      text,
  answered_at timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  PRIMARY KEY (project_id, survey_id, user_id, cycle)
);
CREATE INDEX survey_responses_by_time ON survey_responses (project_id, survey_id, answered_at);
CREATE INDEX survey_responses_by_user ON survey_responses (project_id, user_id);
CREATE TABLE webhook_attempts (
  project_id      text NOT NULL,
  delivery_id     text NOT NULL,
  url             text NOT NULL,
  attempt         integer NOT NULL,
  at              timestamptz NOT NULL,
  status          integer,
  error           text,
  outcome         text NOT NULL,
  next_attempt_at timestamptz,
  PRIMARY KEY (project_id, delivery_id, url, attempt)
);
