import type { Prompt, StatePrompt } from '@hearth/schema';
import type { DecisionContext, Step } from '../targeting/decision.js';
import type { EventMatchQuery } from '../targeting/facts.js';

/**
 * What a kind needs read before it decides, described as data: the store answers it in a fixed
 * number of queries for all prompts together, so the decision itself stays synchronous and pure.
 */
export interface KindFacts {
  /** First-event lookups (a checklist's completing events and skips). */
  matches: EventMatchQuery[];
  /** The user's responses to this prompt and their asks of it. */
  responses: boolean;
  /** How many users were asked in the last 24 hours, project-wide. */
  askedLast24h: boolean;
}

/** A kind's own gates, and how the prompt looks to the user should every gate pass. */
export interface KindDecision {
  steps: Step[];
  state(locale: string | null): StatePrompt;
}

/** Everything the decision code knows about one prompt kind; `domain/kinds/index.ts` lists them. */
export interface PromptKindModule<P extends Prompt> {
  facts(prompt: P): KindFacts;
  /** Held by the project's wait between two different surveys (`fatigue.minDaysBetweenSurveys`). */
  surveyGap: boolean;
  /** Runs after the gates every kind shares (status, schedule, audience, frequency). */
  decide(prompt: P, ctx: DecisionContext): KindDecision;
}
