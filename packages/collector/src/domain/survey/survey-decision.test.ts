import { fatigueBudgetSchema, userStateSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { buildUserState } from '../state/build-state.js';
import { explainPrompt } from '../targeting/explain.js';
import { checklist, daysAgo, facts, NOW } from '../test-helpers.js';
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
    const state = buildUserState(
      [survey],
      context(new Map([['nps', surveyFacts({ responses: [{ cycle: 1, answeredAt: daysAgo(120) }] })]])),
    );
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

describe('the wait between two surveys', () => {
  const nps = npsSurvey({ id: 'nps', priority: 2 });
  const csat = npsSurvey({ id: 'csat', priority: 1, content: { type: 'csat', question: 'How was it?' } });
  const shown = (promptId: string, at: Date) => ({ promptId, kind: 'survey' as const, at, action: 'shown' as const });
  const both = (overrides: Partial<Parameters<typeof buildUserState>[1]> = {}) => ({
    facts: facts({ prompts: [nps, csat] }),
    history: [],
    now: NOW,
    fatigue: fatigueBudgetSchema.parse({ maxInterruptingPerDay: 5 }),
    surveys: new Map([
      ['nps', surveyFacts()],
      ['csat', surveyFacts()],
    ]),
    ...overrides,
  });
  const ids = (ctx: ReturnType<typeof both>) => buildUserState([nps, csat], ctx).prompts.map((p) => p.id);

  it('holds another survey 14 days after one was shown, by default, and says why', () => {
    const yesterday = both({
      history: [shown('nps', daysAgo(1))],
      surveys: new Map([
        ['nps', surveyFacts({ responses: [{ cycle: 1, answeredAt: daysAgo(1) }] })],
        ['csat', surveyFacts()],
      ]),
    });
    expect(ids(yesterday)).toEqual([]);
    const fatigue = explainPrompt('csat', [nps, csat], yesterday)?.steps.find((s) => s.step === 'fatigue');
    expect(fatigue).toEqual({
      step: 'fatigue',
      ok: false,
      reason: `the user saw the survey "nps" on ${daysAgo(1).toISOString()} and the project waits 14 days between two surveys (next: ${daysAgo(-13).toISOString()})`,
    });
  });

  it('lets the other survey show exactly 14 days later, on the server clock', () => {
    const history = [shown('nps', daysAgo(14))];
    const answered = new Map([
      ['nps', surveyFacts({ responses: [{ cycle: 1, answeredAt: daysAgo(14) }] })],
      ['csat', surveyFacts()],
    ]);
    expect(ids(both({ history, surveys: answered }))).toEqual(['csat']);
    expect(ids(both({ history, surveys: answered, now: new Date(NOW.getTime() - 1) }))).toEqual([]);
  });

  it('counts a stored response as the survey on screen, even before its display event arrives', () => {
    const answered = new Map([
      ['nps', surveyFacts({ responses: [{ cycle: 1, answeredAt: daysAgo(2) }] })],
      ['csat', surveyFacts()],
    ]);
    expect(ids(both({ surveys: answered }))).toEqual([]);
    expect(explainPrompt('csat', [nps, csat], both({ surveys: answered }))?.summary).toContain(
      `fatigue: the user saw the survey "nps" on ${daysAgo(2).toISOString()}`,
    );
  });

  it('lets both through while neither was shown: the widget shows one survey at a time', () => {
    expect(ids(both())).toEqual(['nps', 'csat']);
  });

  it('does not hold a survey back for its own displays, and 0 turns the wait off', () => {
    const ownStep = explainPrompt('nps', [nps, csat], both({ history: [shown('nps', daysAgo(1))] }))?.steps.find(
      (s) => s.step === 'fatigue',
    );
    expect(ownStep).toMatchObject({ ok: true });
    const off = fatigueBudgetSchema.parse({ maxInterruptingPerDay: 5, minDaysBetweenSurveys: 0 });
    expect(ids(both({ fatigue: off, history: [shown('nps', daysAgo(1))] }))).toEqual(['nps', 'csat']);
  });

  it('counts a dismissal of another survey as a display, and does not hold checklists', () => {
    const dismissed = [{ ...shown('nps', daysAgo(3)), action: 'dismissed' as const }];
    expect(ids(both({ history: dismissed, surveys: new Map([['csat', surveyFacts()]]) }))).toEqual([]);
    const onboarding = checklist({ id: 'onboarding' });
    const state = buildUserState([nps, onboarding], {
      ...both(),
      facts: facts({ prompts: [nps, onboarding] }),
      history: [shown('csat', daysAgo(1))],
    });
    expect(state.prompts.map((p) => p.id)).toEqual(['onboarding']);
  });
});
