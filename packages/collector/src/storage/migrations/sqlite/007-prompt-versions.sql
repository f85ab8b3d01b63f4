-- migration: prompt-versions
-- Every version of every prompt, for the console's history and rollback. Filled by triggers rather
-- than by each write path, so creation, admin edits and config-file seeding can never forget it;
-- prompts stored before this migration start their history at their current version.
CREATE TABLE prompt_versions (
  project_id TEXT NOT NULL,
  prompt_id  TEXT NOT NULL,
  version    INTEGER NOT NULL,
  config     TEXT NOT NULL,
  origin     TEXT NOT NULL,
  saved_at   INTEGER NOT NULL,
  PRIMARY KEY (project_id, prompt_id, version)
) WITHOUT ROWID;
INSERT INTO prompt_versions SELECT project_id, prompt_id, version, config, origin, updated_at FROM prompts;
CREATE TRIGGER prompts_version_on_insert AFTER INSERT ON prompts BEGIN
  INSERT OR REPLACE INTO prompt_versions VALUES (NEW.project_id, NEW.prompt_id, NEW.version, NEW.config, NEW.origin, NEW.updated_at);
END;
CREATE TRIGGER prompts_version_on_update AFTER UPDATE OF version ON prompts BEGIN
  INSERT OR REPLACE INTO prompt_versions VALUES (NEW.project_id, NEW.prompt_id, NEW.version, NEW.config, NEW.origin, NEW.updated_at);
END;
