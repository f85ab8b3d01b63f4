import type { Prompt } from '@hearth/schema';
import type { SqlRunner } from '../sql/runner.js';
import { ask, type Transact } from '../sql/transaction.js';
import {
  PROMPT_COLUMNS,
  PROMPT_VERSION_COLUMNS,
  toPromptRecord,
  toPromptVersion,
  type PromptRow,
  type PromptVersionRow,
} from './prompt-rows.js';
import type { PromptStore, SeedResult } from './prompt-store.js';
import { sqlAssignments } from './assignment-sql.js';

const values = (sql: SqlRunner, projectId: string, prompt: Prompt, at: number) => [
  projectId,
  prompt.id,
  prompt.kind,
  prompt.status,
  JSON.stringify(prompt),
  sql.time(at),
];

// A config prompt is refreshed only when its config changed (PostgreSQL compares jsonb by value,
// so key order cannot fake a change).
const SEED = `
  INSERT INTO prompts (project_id, prompt_id, kind, status, version, config, origin, created_at, updated_at)
  VALUES ($1, $2, $3, $4, 1, $5, 'config', $6, $6)
  ON CONFLICT (project_id, prompt_id) DO UPDATE SET
    kind = excluded.kind, status = excluded.status, config = excluded.config,
    version = prompts.version + 1, updated_at = excluded.updated_at
  WHERE prompts.origin = 'config' AND prompts.config <> excluded.config
  RETURNING version`;

/** `store.prompts` over either dialect; `transact` for the config-file seeding. */
export function sqlPromptStore(sql: SqlRunner, transact: Transact): PromptStore {
  const one = async (text: string, params: unknown[]) => {
    const [row] = await sql.all<PromptRow>(text, params);
    return row ? toPromptRecord(row) : null;
  };
  // Rows of prompt_versions are written by the triggers of migration 007.
  const versions = async (projectId: string, promptId: string, extra: string, params: unknown[]) =>
    (
      await sql.all<PromptVersionRow>(
        `SELECT ${PROMPT_VERSION_COLUMNS} FROM prompt_versions WHERE project_id = $1 AND prompt_id = $2 ${extra}`,
        [projectId, promptId, ...params],
      )
    ).map(toPromptVersion);
  return {
    ...sqlAssignments(sql),
    versions: (projectId, promptId, limit = 100) => versions(projectId, promptId, 'ORDER BY version DESC LIMIT $3', [limit]),
    version: async (projectId, promptId, number) => (await versions(projectId, promptId, 'AND version = $3', [number]))[0] ?? null,
    list: async (projectId) =>
      (await sql.all<PromptRow>(`SELECT ${PROMPT_COLUMNS} FROM prompts WHERE project_id = $1 ORDER BY prompt_id`, [projectId])).map(
        toPromptRecord,
      ),
    get: (projectId, promptId) =>
      one(`SELECT ${PROMPT_COLUMNS} FROM prompts WHERE project_id = $1 AND prompt_id = $2`, [projectId, promptId]),
    create: (projectId, prompt, at) =>
      one(
        `INSERT INTO prompts (project_id, prompt_id, kind, status, version, config, origin, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 1, $5, 'api', $6, $6)
         ON CONFLICT (project_id, prompt_id) DO NOTHING
         RETURNING ${PROMPT_COLUMNS}`,
        values(sql, projectId, prompt, at),
      ),
    replace: (projectId, prompt, expectedVersion, at) =>
      one(
        `UPDATE prompts SET kind = $3, status = $4, config = $5, origin = 'api', version = version + 1, updated_at = $6
         WHERE project_id = $1 AND prompt_id = $2 AND version = $7
         RETURNING ${PROMPT_COLUMNS}`,
        [...values(sql, projectId, prompt, at), expectedVersion],
      ),
    seed: (projectId, prompts, at) =>
      transact(function* (tx) {
        const result: SeedResult = { inserted: [], updated: [] };
        for (const prompt of prompts) {
          const [row] = yield* ask(tx.all<{ version: number }>(SEED, values(tx, projectId, prompt, at)));
          if (row) (row.version === 1 ? result.inserted : result.updated).push(prompt.id);
        }
        return result;
      }),
  };
}
