import type { DecisionStep, FatigueBudget, Prompt, StatePrompt } from '@hearth/schema';
import type { DisplayRecord } from '../frequency/history.js';
import type { HoldoutFacts } from '../checklist/holdout-arm.js';
import type { SurveyFacts } from '../survey/cadence.js';
import type { UserFacts } from './facts.js';

/** One gate a prompt passes on its way to a user, with a sentence saying why: the explain API sends these as they are. */
export type Step = DecisionStep;

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
  /** For checklists with a holdout; absent, the subject counts as a visitor who has not identified. */
  holdout?: HoldoutFacts;
}
