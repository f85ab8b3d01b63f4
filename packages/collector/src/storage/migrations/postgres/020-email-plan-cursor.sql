-- migration: email-plan-cursor
-- Where the next plan of a lifecycle email resumes its scan of the candidates, by user id. A plan
-- looks at a batch of users per round; users the rule picks but who get nothing (no news during
-- their absence, not in the audience) would otherwise come first again every round and keep the
-- users after them from ever being looked at. The scan wraps to the start after the last user.
CREATE TABLE email_plan_cursors (
  project_id    TEXT NOT NULL,
  message_id    TEXT NOT NULL,
  after_user_id TEXT NOT NULL,
  PRIMARY KEY (project_id, message_id)
);
