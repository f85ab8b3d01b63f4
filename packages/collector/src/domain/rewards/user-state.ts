import type { RewardsState, UserState } from '@hearth/schema';
import type { RewardsEngine } from './engine.js';

/**
 * The rewards part of `GET /v1/state` for a verified user. Checklist progress is computed by the
 * server for this very answer, so it is reported to the earning rules first (each item and each
 * completion pays once, by its idempotency key): points for a ticked item show in the same state.
 */
export async function rewardsForUserState(engine: RewardsEngine, projectId: string, userId: string, state: UserState, locale: string | null = null): Promise<RewardsState | null> {
  for (const prompt of state.prompts) {
    if (prompt.kind !== 'checklist') continue;
    for (const item of prompt.items) if (item.done) await engine.onChecklistItem(projectId, userId, prompt.id, item.id);
    if (prompt.progress.complete) await engine.onChecklistComplete(projectId, userId, prompt.id);
  }
  return engine.state(projectId, userId, locale);
}
