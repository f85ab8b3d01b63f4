import type { SqlRunner } from '../sql/runner.js';
import { SETTINGS_COLUMNS, toStoredSettings, type SettingsRow, type SettingsStore } from './settings-store.js';

/** `store.settings` over either dialect. */
export function sqlSettingsStore(sql: SqlRunner): SettingsStore {
  const one = async (text: string, params: unknown[]) => {
    const [row] = await sql.all<SettingsRow>(text, params);
    return row ? toStoredSettings(row) : null;
  };
  return {
    get: (projectId) => one(`SELECT ${SETTINGS_COLUMNS} FROM project_settings WHERE project_id = $1`, [projectId]),
    save: (projectId, overrides, expectedVersion, at, updatedBy) => {
      const values = [projectId, JSON.stringify(overrides), sql.time(at), updatedBy];
      return expectedVersion === 0
        ? one(
            `INSERT INTO project_settings (project_id, version, overrides, updated_at, updated_by) VALUES ($1, 1, $2, $3, $4)
             ON CONFLICT (project_id) DO NOTHING RETURNING ${SETTINGS_COLUMNS}`,
            values,
          )
        : one(
            `UPDATE project_settings SET version = version + 1, overrides = $2, updated_at = $3, updated_by = $4
             WHERE project_id = $1 AND version = $5 RETURNING ${SETTINGS_COLUMNS}`,
            [...values, expectedVersion],
          );
    },
  };
}
