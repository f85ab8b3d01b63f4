import type { Prompt, UserState } from '@hearth/schema';
import type { HoldoutArm } from '../checklist/holdout-arm.js';
import { newArms } from '../checklist/holdout.js';
import type { DecisionContext } from '../targeting/decision.js';
import { decidePrompts } from '../targeting/decide.js';

/**
 * The `GET /v1/state` payload: exactly the prompts this user should see now (every gate passed,
 * fatigue budget included), in priority order, each localized by its kind, with progress.
 */
export function buildUserState(prompts: readonly Prompt[], ctx: DecisionContext): UserState {
  return decideUserState(prompts, ctx).state;
}

/** The payload, and the checklist holdout groups this decision found for the first time (to record). */
export function decideUserState(prompts: readonly Prompt[], ctx: DecisionContext): { state: UserState; arms: Map<string, HoldoutArm> } {
  const decisions = decidePrompts(prompts, ctx);
  const shown = decisions.filter((d) => d.show).sort((a, b) => b.prompt.priority - a.prompt.priority);
  return { state: { prompts: shown.map((d) => d.state(ctx.facts.locale)) }, arms: newArms(decisions, ctx) };
}
