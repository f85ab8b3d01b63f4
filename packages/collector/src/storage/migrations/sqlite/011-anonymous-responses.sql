-- migration: anonymous-responses
-- Survey responses keep who answered apart from what the id looks like: `anonymous` marks an answer
-- of a visitor (user_id then holds the anonymous id), so a browser that sends someone's user id as
-- its anonymous id writes and reads its own anonymous row, never that user's. Part of the key.
-- Rows from before are anonymous when no user has their id. SQLite cannot change a primary key in
-- place: the table is rebuilt.
CREATE TABLE survey_responses_next (
  project_id  TEXT NOT NULL,
  survey_id   TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  anonymous   INTEGER NOT NULL,
  cycle       INTEGER NOT NULL,
  answer      TEXT NOT NULL,
  comment     TEXT,
  traits      TEXT NOT NULL,
  locale      TEXT,
  answered_at INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (project_id, survey_id, user_id, anonymous, cycle)
) WITHOUT ROWID;
INSERT INTO survey_responses_next
  SELECT r.project_id, r.survey_id, r.user_id,
         NOT EXISTS (SELECT 1 FROM users u WHERE u.project_id = r.project_id AND u.user_id = r.user_id),
         r.cycle, r.answer, r.comment, r.traits, r.locale, r.answered_at, r.updated_at
  FROM survey_responses r;
DROP TABLE survey_responses;
ALTER TABLE survey_responses_next RENAME TO survey_responses;
CREATE INDEX survey_responses_by_time ON survey_responses (project_id, survey_id, answered_at);
CREATE INDEX survey_responses_by_user ON survey_responses (project_id, user_id, anonymous);
