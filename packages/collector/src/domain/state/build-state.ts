import type { Prompt, StatePrompt, UserState } from '@hearth/schema';
import { decidePrompts, type DecisionContext, type PromptDecision } from '../targeting/decide.js';
import { surveyState } from '../survey/survey-state.js';
import { checklistState } from './checklist-state.js';

/**
 * How each prompt kind looks to one user. A kind without an entry is not served yet (its widget
 * and state shape land with its own issue), so it is left out of the state rather than sent raw.
 */
const stateBuilders: { [K in Prompt['kind']]?: (decision: PromptDecision & { prompt: Extract<Prompt, { kind: K }> }, locale: string | null) => StatePrompt } = {
  checklist: (decision, locale) => {
    // Progress is computed for every checklist decision; the fallback only satisfies the type.
    const progress = decision.progress ?? { items: [], done: 0, total: 0, complete: false };
    return checklistState(decision.prompt, progress, locale);
  },
  // A shown survey passed its cadence step, which sets the cycle; 1 only satisfies the type.
  survey: (decision, locale) => surveyState(decision.prompt, decision.cycle ?? 1, locale),
};

function toStatePrompt(decision: PromptDecision, userLocale: string | null): StatePrompt | null {
  const build = stateBuilders[decision.prompt.kind] as ((d: PromptDecision, l: string | null) => StatePrompt) | undefined;
  return build ? build(decision, userLocale) : null;
}

/**
 * The `GET /v1/state` payload: exactly the prompts this user should see now (every gate passed,
 * fatigue budget included), in priority order, localized, with progress.
 */
export function buildUserState(prompts: readonly Prompt[], ctx: DecisionContext): UserState {
  const shown = decidePrompts(prompts, ctx)
    .filter((d) => d.show)
    .sort((a, b) => b.prompt.priority - a.prompt.priority);
  return { prompts: shown.flatMap((d) => toStatePrompt(d, ctx.facts.locale) ?? []) };
}
