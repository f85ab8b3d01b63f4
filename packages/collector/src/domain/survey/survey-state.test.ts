import { surveyStateSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { npsSurvey } from './fixtures.js';
import { surveyState } from './survey-state.js';

const survey = npsSurvey({
  display: 'modal',
  points: 50,
  audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
  content: {
    type: 'nps',
    product: 'Acme Projects',
    followUp: { detractor: 'What should we fix first?', promoter: 'What do you love?' },
    thankYou: 'Thanks!',
  },
  translations: { nb: { product: 'Acme Prosjekter', followUp: { detractor: 'Hva bør vi fikse først?' } } },
});

describe('surveyState', () => {
  it('sends the cycle and the default texts, and no rules', () => {
    const state = surveyState(survey, 2, null);
    expect(surveyStateSchema.parse(state)).toEqual(state);
    expect(state).toEqual({
      id: 'nps',
      kind: 'survey',
      triggers: [{ type: 'load' }],
      interrupting: true,
      locale: 'en',
      cycle: 2,
      display: 'modal',
      askLater: true,
      dismissible: true,
      points: 50,
      content: survey.content,
    });
    expect(JSON.stringify(state)).not.toContain('plan');
  });

  it("picks the user's translation, filling missing texts from the default locale", () => {
    const state = surveyState(survey, 1, 'nb-NO');
    expect(state.locale).toBe('nb');
    expect(state.content).toMatchObject({
      product: 'Acme Prosjekter',
      followUp: { detractor: 'Hva bør vi fikse først?', promoter: 'What do you love?' },
      thankYou: 'Thanks!',
    });
  });

  it('translates CLI questions by id', () => {
    const cli = npsSurvey({
      content: {
        type: 'cli',
        questions: [
          { id: 'quality', text: 'Quality?' },
          { id: 'support', text: 'Support?' },
        ],
        followUp: 'Why?',
      },
      translations: { ar: { questions: { support: 'الدعم؟' }, followUp: 'لماذا؟' } },
    });
    expect(surveyState(cli, 1, 'ar').content).toMatchObject({
      questions: [
        { id: 'quality', text: 'Quality?' },
        { id: 'support', text: 'الدعم؟' },
      ],
      followUp: 'لماذا؟',
    });
  });
});
