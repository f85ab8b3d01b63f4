-- migration: prompt-versions
-- Every version of every prompt, for the console's history and rollback. Filled by a trigger rather
-- than by each write path, so creation, admin edits and config-file seeding can never forget it;
-- prompts stored before this migration start their history at their current version.
CREATE TABLE prompt_versions (
  project_id text NOT NULL,
  prompt_id  text NOT NULL,
  version    integer NOT NULL,
  config     jsonb NOT NULL,
  origin     text NOT NULL,
  saved_at   timestamptz NOT NULL,
  PRIMARY KEY (project_id, prompt_id, version)
);
INSERT INTO prompt_versions SELECT project_id, prompt_id, version, config, origin, updated_at FROM prompts;
CREATE FUNCTION hearth_keep_prompt_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO prompt_versions (project_id, prompt_id, version, config, origin, saved_at)
  VALUES (NEW.project_id, NEW.prompt_id, NEW.version, NEW.config, NEW.origin, NEW.updated_at)
  ON CONFLICT (project_id, prompt_id, version)
    DO UPDATE SET config = excluded.config, origin = excluded.origin, saved_at = excluded.saved_at;
  RETURN NULL;
END $$;
CREATE TRIGGER prompts_keep_version AFTER INSERT OR UPDATE OF version ON prompts
  FOR EACH ROW EXECUTE FUNCTION hearth_keep_prompt_version();
