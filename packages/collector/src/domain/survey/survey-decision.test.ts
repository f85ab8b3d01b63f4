import { fatigueBudgetSchema, userStateSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { buildUserState } from '../state/build-state.js';
import { explainPrompt } from '../targeting/explain.js';
import { daysAgo, facts, NOW } from '../test-helpers.js';
import type { SurveyFacts } from './cadence.js';
import { ask, npsSurvey, surveyFacts } from './fixtures.js';

const survey = npsSurvey({ audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' } });
const context = (surveys?: Map<string, SurveyFacts>, traits = { plan: 'pro' }) => ({
  facts: facts({ prompts: [survey], traits }),
  history: [],
  now: NOW,
  fatigue: fatigueBudgetSchema.parse({}),
  surveys,
});

describe('surveys in /v1/state', () => {
  it('serves an eligible survey with the cycle to answer, localized and without rules', () => {
    const state = buildUserState([survey], context(new Map([['nps', surveyFacts({ responses: [{ cycle: 1, answeredAt: daysAgo(120) }] })]])));
    expect(userStateSchema.parse(state)).toEqual(state);
    expect(state.prompts).toHaveLength(1);
    expect(state.prompts[0]).toMatchObject({ id: 'nps', kind: 'survey', cycle: 2, display: 'corner' });
    expect(JSON.stringify(state)).not.toContain('plan');
  });

  it('holds it back after a recent response, a snooze, or outside the audience — and says why', () => {
    const answered = new Map([['nps', surveyFacts({ responses: [{ cycle: 1, answeredAt: daysAgo(10) }] })]]);
    expect(buildUserState([survey], context(answered)).prompts).toEqual([]);
    expect(explainPrompt('nps', [survey], context(answered))?.steps.find((s) => s.step === 'cadence')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('asks again 90 days after a response'),
    });
    const snoozed = new Map([['nps', surveyFacts({ asks: [ask('shown', daysAgo(1)), ask('snoozed', daysAgo(1))] })]]);
    expect(buildUserState([survey], context(snoozed)).prompts).toEqual([]);
    expect(buildUserState([survey], context(new Map([['nps', surveyFacts()]]), { plan: 'free' })).prompts).toEqual([]);
  });

  it('never shows a survey whose history the store did not load', () => {
    expect(buildUserState([survey], context()).prompts).toEqual([]);
    expect(explainPrompt('nps', [survey], context())?.summary).toContain("cadence: the user's survey history was not loaded");
  });
});
