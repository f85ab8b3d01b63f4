-- migration: anonymous-responses
-- Survey responses keep who answered apart from what the id looks like: `anonymous` marks an answer
-- of a visitor (user_id then holds the anonymous id), so a browser that sends someone's user id as
-- its anonymous id writes and reads its own anonymous row, never that user's. Part of the key.
-- Rows from before are anonymous when no user has their id.
ALTER TABLE survey_responses ADD COLUMN anonymous boolean NOT NULL DEFAULT false;
UPDATE survey_responses r SET anonymous = true
  WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.project_id = r.project_id AND u.user_id = r.user_id);
ALTER TABLE survey_responses ALTER COLUMN anonymous DROP DEFAULT;
ALTER TABLE survey_responses DROP CONSTRAINT survey_responses_pkey;
ALTER TABLE survey_responses ADD PRIMARY KEY (project_id, survey_id, user_id, anonymous, cycle);
DROP INDEX survey_responses_by_user;
CREATE INDEX survey_responses_by_user ON survey_responses (project_id, user_id, anonymous);
