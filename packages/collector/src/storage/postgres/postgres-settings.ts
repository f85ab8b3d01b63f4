import type pg from 'pg';
import { SETTINGS_COLUMNS, toStoredSettings, type SettingsRow, type SettingsStore } from '../settings/settings-store.js';

export function postgresSettingsStore(pool: pg.Pool): SettingsStore {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await pool.query<SettingsRow>(sql, params);
    return rows[0] ? toStoredSettings(rows[0]) : null;
  };
  return {
    get: (projectId) => one(`SELECT ${SETTINGS_COLUMNS} FROM project_settings WHERE project_id = $1`, [projectId]),
    save: (projectId, overrides, expectedVersion, at, updatedBy) => {
      const values = [projectId, JSON.stringify(overrides), new Date(at), updatedBy];
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
