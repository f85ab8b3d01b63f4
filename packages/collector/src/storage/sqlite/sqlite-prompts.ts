import type { Database } from 'better-sqlite3';
import type { Prompt } from '@hearth/schema';
import { PROMPT_COLUMNS, PROMPT_VERSION_COLUMNS, toPromptRecord, toPromptVersion, type PromptRow, type PromptVersionRow } from '../prompts/prompt-rows.js';
import type { PromptStore } from '../prompts/prompt-store.js';

export function sqlitePromptStore(db: Database): PromptStore {
  const list = db.prepare<[string], PromptRow>(`SELECT ${PROMPT_COLUMNS} FROM prompts WHERE project_id = ? ORDER BY prompt_id`);
  const get = db.prepare<[string, string], PromptRow>(`SELECT ${PROMPT_COLUMNS} FROM prompts WHERE project_id = ? AND prompt_id = ?`);
  const create = db.prepare<Record<string, unknown>, PromptRow>(`
    INSERT INTO prompts (project_id, prompt_id, kind, status, version, config, origin, created_at, updated_at)
    VALUES (@projectId, @promptId, @kind, @status, 1, @config, @origin, @at, @at)
    ON CONFLICT (project_id, prompt_id) DO NOTHING
    RETURNING ${PROMPT_COLUMNS}`);
  const replace = db.prepare<Record<string, unknown>, PromptRow>(`
    UPDATE prompts SET kind = @kind, status = @status, config = @config, origin = 'api',
      version = version + 1, updated_at = @at
    WHERE project_id = @projectId AND prompt_id = @promptId AND version = @expectedVersion
    RETURNING ${PROMPT_COLUMNS}`);
  const seed = db.prepare<Record<string, unknown>, { version: number }>(`
    INSERT INTO prompts (project_id, prompt_id, kind, status, version, config, origin, created_at, updated_at)
    VALUES (@projectId, @promptId, @kind, @status, 1, @config, 'config', @at, @at)
    ON CONFLICT (project_id, prompt_id) DO UPDATE SET
      kind = excluded.kind, status = excluded.status, config = excluded.config,
      version = prompts.version + 1, updated_at = excluded.updated_at
    WHERE prompts.origin = 'config' AND prompts.config <> excluded.config
    RETURNING version`);
  const seedAll = db.transaction((projectId: string, prompts: readonly Prompt[], at: number) => {
    const result = { inserted: [] as string[], updated: [] as string[] };
    for (const prompt of prompts) {
      const row = seed.get(params(projectId, prompt, at));
      if (row) (row.version === 1 ? result.inserted : result.updated).push(prompt.id);
    }
    return result;
  });

  // Rows of prompt_versions are written by the triggers of migration 007.
  const versions = db.prepare<[string, string, number], PromptVersionRow>(
    `SELECT ${PROMPT_VERSION_COLUMNS} FROM prompt_versions WHERE project_id = ? AND prompt_id = ? ORDER BY version DESC LIMIT ?`,
  );
  const version = db.prepare<[string, string, number], PromptVersionRow>(
    `SELECT ${PROMPT_VERSION_COLUMNS} FROM prompt_versions WHERE project_id = ? AND prompt_id = ? AND version = ?`,
  );

  const params = (projectId: string, prompt: Prompt, at: number) => ({
    projectId,
    promptId: prompt.id,
    kind: prompt.kind,
    status: prompt.status,
    config: JSON.stringify(prompt),
    at,
  });
  const record = (row: PromptRow | undefined) => (row ? toPromptRecord(row) : null);

  return {
    list: async (projectId) => list.all(projectId).map(toPromptRecord),
    get: async (projectId, promptId) => record(get.get(projectId, promptId)),
    create: async (projectId, prompt, at) => record(create.get({ ...params(projectId, prompt, at), origin: 'api' })),
    replace: async (projectId, prompt, expectedVersion, at) => record(replace.get({ ...params(projectId, prompt, at), expectedVersion })),
    seed: async (projectId, prompts, at) => seedAll.immediate(projectId, prompts, at),
    versions: async (projectId, promptId, limit = 100) => versions.all(projectId, promptId, limit).map(toPromptVersion),
    version: async (projectId, promptId, number) => {
      const row = version.get(projectId, promptId, number);
      return row ? toPromptVersion(row) : null;
    },
  };
}
