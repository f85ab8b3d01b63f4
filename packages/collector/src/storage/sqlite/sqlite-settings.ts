import type { Database } from 'better-sqlite3';
import { SETTINGS_COLUMNS, toStoredSettings, type SettingsRow, type SettingsStore } from '../settings/settings-store.js';

export function sqliteSettingsStore(db: Database): SettingsStore {
  const get = db.prepare<[string], SettingsRow>(`SELECT ${SETTINGS_COLUMNS} FROM project_settings WHERE project_id = ?`);
  const insert = db.prepare<Record<string, unknown>, SettingsRow>(`
    INSERT INTO project_settings (project_id, version, overrides, updated_at, updated_by)
    VALUES (@projectId, 1, @overrides, @at, @updatedBy)
    ON CONFLICT (project_id) DO NOTHING
    RETURNING ${SETTINGS_COLUMNS}`);
  const update = db.prepare<Record<string, unknown>, SettingsRow>(`
    UPDATE project_settings SET version = version + 1, overrides = @overrides, updated_at = @at, updated_by = @updatedBy
    WHERE project_id = @projectId AND version = @expectedVersion
    RETURNING ${SETTINGS_COLUMNS}`);
  return {
    get: async (projectId) => {
      const row = get.get(projectId);
      return row ? toStoredSettings(row) : null;
    },
    save: async (projectId, overrides, expectedVersion, at, updatedBy) => {
      const params = { projectId, overrides: JSON.stringify(overrides), at, updatedBy, expectedVersion };
      const row = expectedVersion === 0 ? insert.get(params) : update.get(params);
      return row ? toStoredSettings(row) : null;
    },
  };
}
