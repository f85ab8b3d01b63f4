import { promptSchema } from '@hearth/schema';
import type { PromptOrigin, PromptRecord } from './prompt-store.js';

/** A `prompts` row as either driver returns it (SQLite: ms and JSON text; Postgres: Date and jsonb). */
export interface PromptRow {
  config: string | object;
  version: number;
  origin: string;
  created_at: number | Date;
  updated_at: number | Date;
}

export const PROMPT_COLUMNS = 'config, version, origin, created_at, updated_at';

/** Parsed again on read, so a prompt stored by an older collector gains the defaults of new fields. */
export function toPromptRecord(row: PromptRow): PromptRecord {
  const config = typeof row.config === 'string' ? (JSON.parse(row.config) as unknown) : row.config;
  return {
    prompt: promptSchema.parse(config),
    version: row.version,
    origin: row.origin as PromptOrigin,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
