import type { ChecklistPrompt, Prompt, RewardsState, UserState } from '@hearth/schema';
import type { Earnable } from '../domain/rewards/earnable.js';
import type { RewardsEngine } from './rewards-engine.js';

/**
 * The rewards part of `GET /v1/state` for a verified user. The checklists this state shows are
 * reported to the earning rules first, which pay only what verified events and trusted traits
 * complete (each item and each completion once, by its idempotency key): points for a ticked item
 * show in the same state. `earnable` is decided on the same facts as the state's prompts.
 */
export async function rewardsForUserState(
  engine: RewardsEngine,
  projectId: string,
  userId: string,
  state: UserState,
  prompts: readonly Prompt[],
  locale: string | null,
  earnable: Earnable,
): Promise<RewardsState | null> {
  const shown = new Set(state.prompts.filter((prompt) => prompt.kind === 'checklist').map((prompt) => prompt.id));
  await engine.onChecklists(
    projectId,
    userId,
    prompts.filter((prompt): prompt is ChecklistPrompt => prompt.kind === 'checklist' && shown.has(prompt.id)),
  );
  return engine.state(projectId, userId, locale, earnable);
}
