import { surveyPromptSchema, type SurveyPrompt } from '@hearth/schema';
import type { SurveyFacts } from './cadence.js';
import type { SurveyAskRecord } from './history.js';

/** Tests only: a live NPS survey with the default cadence; `overrides` replace top-level fields. */
export function npsSurvey(overrides: Record<string, unknown> = {}): SurveyPrompt {
  return surveyPromptSchema.parse({
    id: 'nps',
    kind: 'survey',
    status: 'live',
    content: { type: 'nps', product: 'Acme Projects' },
    ...overrides,
  });
}

export function surveyFacts(overrides: Partial<SurveyFacts> = {}): SurveyFacts {
  return { userId: 'user-1', firstSeen: null, responses: [], asks: [], askedLast24h: 0, ...overrides };
}

export const ask = (action: SurveyAskRecord['action'], at: Date): SurveyAskRecord => ({ action, at });
