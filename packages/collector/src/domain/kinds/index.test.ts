import { audienceSchema, fatigueBudgetSchema, promptSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { npsSurvey, surveyFacts } from '../survey/fixtures.js';
import { NOW, checklist, facts } from '../test-helpers.js';
import { factQueries, kindOf, responseNeeds } from './index.js';

const fatigue = fatigueBudgetSchema.parse({});

describe('prompt kinds', () => {
  it('has a module for every kind the prompt schema accepts', () => {
    const kinds = promptSchema.options.map((option) => option.shape.kind.value);
    expect(kinds).toEqual(['checklist', 'survey']);
    for (const kind of kinds) {
      const prompt = kind === 'checklist' ? checklist() : npsSurvey();
      expect(kindOf(prompt).decide(prompt, { facts: facts({ prompts: [prompt] }), history: [], now: NOW, fatigue }).steps).toHaveLength(1);
    }
  });

  it('a checklist decides on completion, a survey on its cadence', () => {
    const list = checklist();
    const survey = npsSurvey();
    const ctx = { facts: facts({ prompts: [list, survey] }), history: [], now: NOW, fatigue, surveys: new Map([['nps', surveyFacts()]]) };
    expect(
      kindOf(list)
        .decide(list, ctx)
        .steps.map((s) => s.step),
    ).toEqual(['completion']);
    expect(kindOf(survey).decide(survey, ctx).steps).toEqual([{ step: 'cadence', ok: true, reason: expect.any(String) }]);
    expect(kindOf(survey).decide(survey, ctx).state('en')).toMatchObject({ kind: 'survey', id: 'nps', cycle: 1 });
  });
});

describe('factQueries', () => {
  it('collects every behaviour rule and checklist lookup once', () => {
    const audience = audienceSchema.parse({
      type: 'all',
      rules: [
        { type: 'behavior', event: 'login', op: 'atLeast', count: 3, withinDays: 7 },
        { type: 'not', rule: { type: 'behavior', event: 'login', op: 'atMost', count: 10, withinDays: 7 } },
        { type: 'behavior', event: 'export', op: 'never' },
      ],
    });
    const queries = factQueries([checklist({ audience }), checklist({ id: 'second' }), npsSurvey()]);
    expect(queries.counts).toEqual([
      { event: 'login', withinDays: 7 },
      { event: 'export', withinDays: null },
    ]);
    // Both checklists share item lookups; their skip lookups differ by prompt id.
    expect(queries.matches).toHaveLength(4);
  });
});

describe('responseNeeds', () => {
  it('names the surveys, and of them the daily-capped ones for the project-wide count', () => {
    const prompts = [checklist(), npsSurvey(), npsSurvey({ id: 'capped', spread: { type: 'dailyCap', maxPerDay: 10 } })];
    expect(responseNeeds(prompts)).toEqual({ responses: ['nps', 'capped'], askedLast24h: ['capped'] });
  });
});
