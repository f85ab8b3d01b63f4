import type pg from 'pg';
import type { Prompt } from '@hearth/schema';
import { PROMPT_COLUMNS, PROMPT_VERSION_COLUMNS, toPromptRecord, toPromptVersion, type PromptRow, type PromptVersionRow } from '../prompts/prompt-rows.js';
import type { PromptStore } from '../prompts/prompt-store.js';

const values = (projectId: string, prompt: Prompt, at: number) => [projectId, prompt.id, prompt.kind, prompt.status, JSON.stringify(prompt), new Date(at)];

export function postgresPromptStore(pool: pg.Pool): PromptStore {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await pool.query<PromptRow>(sql, params);
    return rows[0] ? toPromptRecord(rows[0]) : null;
  };
  // Rows of prompt_versions are written by the trigger of migration 007.
  const versions = async (projectId: string, promptId: string, extra: string, params: unknown[]) => {
    const { rows } = await pool.query<PromptVersionRow>(
      `SELECT ${PROMPT_VERSION_COLUMNS} FROM prompt_versions WHERE project_id = $1 AND prompt_id = $2 ${extra}`,
      [projectId, promptId, ...params],
    );
    return rows.map(toPromptVersion);
  };
  return {
    versions: (projectId, promptId, limit = 100) => versions(projectId, promptId, 'ORDER BY version DESC LIMIT $3', [limit]),
    version: async (projectId, promptId, number) => (await versions(projectId, promptId, 'AND version = $3', [number]))[0] ?? null,
    async list(projectId) {
      const { rows } = await pool.query<PromptRow>(`SELECT ${PROMPT_COLUMNS} FROM prompts WHERE project_id = $1 ORDER BY prompt_id`, [projectId]);
      return rows.map(toPromptRecord);
    },
    get: (projectId, promptId) =>
      one(`SELECT ${PROMPT_COLUMNS} FROM prompts WHERE project_id = $1 AND prompt_id = $2`, [projectId, promptId]),
    create: (projectId, prompt, at) =>
      one(
        `INSERT INTO prompts (project_id, prompt_id, kind, status, version, config, origin, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 1, $5, 'api', $6, $6)
         ON CONFLICT (project_id, prompt_id) DO NOTHING
         RETURNING ${PROMPT_COLUMNS}`,
        values(projectId, prompt, at),
      ),
    replace: (projectId, prompt, expectedVersion, at) =>
      one(
        `UPDATE prompts SET kind = $3, status = $4, config = $5, origin = 'api', version = version + 1, updated_at = $6
         WHERE project_id = $1 AND prompt_id = $2 AND version = $7
         RETURNING ${PROMPT_COLUMNS}`,
        [...values(projectId, prompt, at), expectedVersion],
      ),
    async seed(projectId, prompts, at) {
      const result = { inserted: [] as string[], updated: [] as string[] };
      if (prompts.length === 0) return result;
      // One statement for all prompts; jsonb compares by value, so key order cannot fake a change.
      const { rows } = await pool.query<{ prompt_id: string; version: number }>(
        `INSERT INTO prompts (project_id, prompt_id, kind, status, version, config, origin, created_at, updated_at)
         SELECT $1, p.id, p.kind, p.status, 1, p.config, 'config', $5, $5
         FROM unnest($2::text[], $3::text[], $4::text[], $6::jsonb[]) AS p(id, kind, status, config)
         ON CONFLICT (project_id, prompt_id) DO UPDATE SET
           kind = excluded.kind, status = excluded.status, config = excluded.config,
           version = prompts.version + 1, updated_at = excluded.updated_at
         WHERE prompts.origin = 'config' AND prompts.config <> excluded.config
         RETURNING prompt_id, version`,
        [
          projectId,
          prompts.map((p) => p.id),
          prompts.map((p) => p.kind),
          prompts.map((p) => p.status),
          new Date(at),
          prompts.map((p) => JSON.stringify(p)),
        ],
      );
      for (const row of rows) (row.version === 1 ? result.inserted : result.updated).push(row.prompt_id);
      return result;
    },
  };
}
