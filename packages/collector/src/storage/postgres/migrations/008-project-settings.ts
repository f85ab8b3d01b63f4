import type { Migration } from '../../migration.js';

/** Project settings changed at runtime: the changed fields over the file's, versioned. */
export const projectSettingsMigration: Migration = {
  version: 8,
  name: 'project-settings',
  sql: `
    CREATE TABLE project_settings (
      project_id text PRIMARY KEY,
      version    integer NOT NULL,
      overrides  jsonb NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by text NOT NULL
    );
  `,
};
