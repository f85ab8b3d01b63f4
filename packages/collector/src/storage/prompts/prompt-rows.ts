import { promptSchema } from '@hearth/schema';
import type { PromptOrigin, PromptRecord, PromptVersion } from './prompt-store.js';

/** A `prompts` row as either driver returns it (SQLite: ms and JSON text; Postgres: Date and jsonb). */
export interface PromptRow {
  config: string | object;
  version: number;
  origin: string;
  created_at: number | Date;
  updated_at: number | Date;
}

export const PROMPT_COLUMNS = 'config, version, origin, created_at, updated_at';

const parseConfig = (config: string | object) => promptSchema.parse(typeof config === 'string' ? (JSON.parse(config) as unknown) : config);

/** Parsed again on read, so a prompt stored by an older collector gains the defaults of new fields. */
export function toPromptRecord(row: PromptRow): PromptRecord {
  return {
    prompt: parseConfig(row.config),
    version: row.version,
    origin: row.origin as PromptOrigin,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** A `prompt_versions` row as either driver returns it. */
export interface PromptVersionRow {
  version: number;
  config: string | object;
  origin: string;
  saved_at: number | Date;
}

export const PROMPT_VERSION_COLUMNS = 'version, config, origin, saved_at';

export function toPromptVersion(row: PromptVersionRow): PromptVersion {
  return {
    version: row.version,
    prompt: parseConfig(row.config),
    origin: row.origin as PromptOrigin,
    savedAt: new Date(row.saved_at).toISOString(),
  };
}
