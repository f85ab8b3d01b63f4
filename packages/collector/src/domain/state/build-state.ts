import type { Prompt, UserState } from '@hearth/schema';
import type { DecisionContext } from '../targeting/decision.js';
import { decidePrompts } from '../targeting/decide.js';

/**
 * The `GET /v1/state` payload: exactly the prompts this user should see now (every gate passed,
 * fatigue budget included), in priority order, each localized by its kind, with progress.
 */
export function buildUserState(prompts: readonly Prompt[], ctx: DecisionContext): UserState {
  const shown = decidePrompts(prompts, ctx)
    .filter((d) => d.show)
    .sort((a, b) => b.prompt.priority - a.prompt.priority);
  return { prompts: shown.map((d) => d.state(ctx.facts.locale)) };
}
