import type { FatigueBudget, Prompt, StatePrompt } from '@hearth/schema';
import type { DisplayRecord } from '../frequency/history.js';
import type { SurveyFacts } from '../survey/cadence.js';
import type { RuleCheck } from './evaluate.js';
import type { UserFacts } from './facts.js';

export type StepName = 'status' | 'schedule' | 'audience' | 'frequency' | 'cadence' | 'completion' | 'fatigue';

/** One gate a prompt passes on its way to a user, with a sentence saying why. */
export interface Step {
  step: StepName;
  ok: boolean;
  reason: string;
  /** For `audience`: the rules that decided it, with their paths in the rule tree. */
  rules?: RuleCheck[];
}

export interface PromptDecision {
  prompt: Prompt;
  show: boolean;
  steps: Step[];
  /** How the prompt looks to this user in `/v1/state`, built by its kind from what the decision read. */
  state(locale: string | null): StatePrompt;
}

export interface DecisionContext {
  facts: UserFacts;
  history: readonly DisplayRecord[];
  now: Date;
  fatigue: FatigueBudget;
  /** Per survey id: the user's responses and asks (surveys without an entry are not shown). */
  surveys?: ReadonlyMap<string, SurveyFacts>;
}
