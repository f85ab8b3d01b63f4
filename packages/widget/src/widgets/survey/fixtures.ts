import type { SurveyContent, SurveyState } from '@hearth/schema';

const npsContent: SurveyContent = {
  type: 'nps',
  product: 'Acme Projects',
  comment: true,
  followUp: {
    detractor: 'Sorry to hear that, {{user.firstName | "friend"}}. What should we fix first?',
    promoter: 'What do you love most?',
  },
};

/** Test data: a survey as `/v1/state` sends it (NPS, corner card, cycle 1 unless overridden). */
export function surveyFixture(overrides: Partial<SurveyState> = {}, content: Partial<SurveyContent> = {}): SurveyState {
  return {
    id: 'nps-q2',
    kind: 'survey',
    triggers: [{ type: 'load' }],
    interrupting: true,
    locale: 'en',
    cycle: 1,
    display: 'corner',
    askLater: true,
    dismissible: true,
    ...overrides,
    content: { ...npsContent, ...overrides.content, ...content } as SurveyContent,
  };
}

export const cliContent: SurveyContent = {
  type: 'cli',
  comment: false,
  questions: [
    { id: 'quality', text: 'How satisfied are you with the product quality?' },
    { id: 'support', text: 'How satisfied are you with our support?' },
    { id: 'overall', text: 'How satisfied are you overall?' },
  ],
};
