import type { Prompt, StatePrompt, UserState } from '@hearth/schema';
import { decidePrompts, type DecisionContext, type PromptDecision } from '../targeting/decide.js';
import { checklistState } from './checklist-state.js';

function toStatePrompt(decision: PromptDecision, userLocale: string | null): StatePrompt {
  const { prompt } = decision;
  // Progress is computed for every checklist decision; the fallback only satisfies the type.
  const progress = decision.progress ?? { items: [], done: 0, total: 0, complete: false };
  return checklistState(prompt, progress, userLocale);
}

/**
 * The `GET /v1/state` payload: exactly the prompts this user should see now (every gate passed,
 * fatigue budget included), in priority order, localized, with progress.
 */
export function buildUserState(prompts: readonly Prompt[], ctx: DecisionContext): UserState {
  const shown = decidePrompts(prompts, ctx)
    .filter((d) => d.show)
    .sort((a, b) => b.prompt.priority - a.prompt.priority);
  return { prompts: shown.map((d) => toStatePrompt(d, ctx.facts.locale)) };
}
