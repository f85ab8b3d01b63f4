import type { SqlRunner } from '../sql/runner.js';
import type { HoldoutArm } from '../../domain/checklist/holdout-arm.js';
import type { PromptStore } from './prompt-store.js';

/**
 * `store.prompts`' checklist holdout groups over either dialect (migration 029). Recording inserts
 * only absent rows, so the first group and time stay whatever a later request computes.
 */
export function sqlAssignments(sql: SqlRunner): Pick<PromptStore, 'assignments' | 'assign'> {
  return {
    async assignments(projectId, userId) {
      const rows = await sql.all<{ prompt_id: string; arm: HoldoutArm }>(
        'SELECT prompt_id, arm FROM checklist_assignments WHERE project_id = $1 AND user_id = $2',
        [projectId, userId],
      );
      return new Map(rows.map((row) => [row.prompt_id, row.arm]));
    },
    async assign(projectId, userId, arms, at) {
      for (const [promptId, arm] of arms) {
        await sql.run(
          `INSERT INTO checklist_assignments (project_id, user_id, prompt_id, arm, assigned_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (project_id, user_id, prompt_id) DO NOTHING`,
          [projectId, userId, promptId, arm, at],
        );
      }
    },
  };
}
