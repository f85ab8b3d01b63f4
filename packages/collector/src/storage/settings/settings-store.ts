import { readJson } from '../sql/dialect.js';

/**
 * Project settings changed at runtime (console or secret-key API): only the fields ever changed,
 * as JSON; the configuration file stays the default for every other field. The row holds secrets
 * (rotated secret keys, webhook secrets), like the configuration file does.
 */
export interface StoredSettings {
  /** ProjectConfig fields set at runtime; validated by the caller, not by the store. */
  overrides: Record<string, unknown>;
  /** 1 on the first change, +1 on every later one. */
  version: number;
  /** ISO 8601. */
  updatedAt: string;
  /** Who made the last change, e.g. `console` or `secret-key`. */
  updatedBy: string;
}

/** `store.settings`: one row per project, changed under optimistic concurrency. */
export interface SettingsStore {
  get(projectId: string): Promise<StoredSettings | null>;
  /**
   * Stores `overrides` as the next version if the stored version is still `expectedVersion` (0 when
   * nothing is stored yet); null when another change came first.
   */
  save(
    projectId: string,
    overrides: Record<string, unknown>,
    expectedVersion: number,
    at: number,
    updatedBy: string,
  ): Promise<StoredSettings | null>;
}

/** A `project_settings` row as either driver returns it (SQLite: ms and JSON text; Postgres: Date and jsonb). */
export interface SettingsRow {
  overrides: string | Record<string, unknown>;
  version: number;
  updated_at: number | Date;
  updated_by: string;
}

export const SETTINGS_COLUMNS = 'overrides, version, updated_at, updated_by';

export function toStoredSettings(row: SettingsRow): StoredSettings {
  return {
    overrides: readJson(row.overrides),
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by,
  };
}
