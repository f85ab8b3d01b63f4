import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { toErrorIssues } from './error-body.js';
import { surveyPromptSchema } from './prompt.js';
import { surveyStateSchema } from './state.js';
import { surveyResponseSchema } from './survey.js';

const nps = {
  id: 'nps-q2',
  kind: 'survey',
  content: { type: 'nps', product: 'Acme Projects', followUp: { detractor: 'What should we fix first?' } },
  translations: { nb: { question: 'Hvor sannsynlig er det at du anbefaler {product}?', followUp: { detractor: 'Hva bør vi fikse?' } } },
};
const cli = {
  id: 'loyalty',
  kind: 'survey',
  content: {
    type: 'cli',
    questions: [
      { id: 'quality', text: 'How satisfied are you with the product quality?' },
      { id: 'support', text: 'How satisfied are you with our support?' },
    ],
  },
};

const issuesOf = (value: unknown, schema: z.ZodType = surveyPromptSchema) => {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return toErrorIssues(result.error!);
};

describe('surveyPromptSchema', () => {
  it('fills the cadence defaults mature tools ship: 90-day re-ask, 7-day snooze, corner card', () => {
    const survey = surveyPromptSchema.parse(nps);
    expect(survey).toMatchObject({
      display: 'corner',
      askLater: true,
      dismissible: true,
      interrupting: true,
      cadence: { reaskAfterDays: 90, snoozeDays: 7, maxAsks: 3, periodDays: 90, minDaysBetweenAsks: 7 },
      // The cadence decides re-asks; a dismissal must not stop the survey forever.
      frequency: { stopAfterDismiss: false, stopAfterComplete: false },
      content: { type: 'nps', comment: true },
    });
    expect(survey.points).toBeUndefined();
    expect(survey.spread).toBeUndefined();
  });

  it('needs 2–4 CLI questions with distinct ids', () => {
    expect(surveyPromptSchema.parse(cli).content.type).toBe('cli');
    const one = { ...cli, content: { ...cli.content, questions: [cli.content.questions[0]] } };
    expect(issuesOf(one)).toEqual([{ path: 'content.questions', message: 'a CLI survey needs 2–4 questions' }]);
    const twice = { ...cli, content: { ...cli.content, questions: [cli.content.questions[0], cli.content.questions[0]] } };
    expect(issuesOf(twice)).toEqual([{ path: 'content.questions.1.id', message: 'duplicate question id "quality"' }]);
  });

  it('refuses translations of unknown CLI questions and per-group follow-ups outside NPS', () => {
    const stray = { ...cli, translations: { ar: { questions: { price: 'السعر' }, followUp: { detractor: 'لماذا؟' } } } };
    expect(issuesOf(stray)).toEqual([
      { path: 'translations.ar.questions.price', message: 'no question "price" in content.questions' },
      { path: 'translations.ar.followUp', message: 'only NPS surveys have a follow-up per group' },
    ]);
  });

  it('anchors an eligibility window on schedule.startAt', () => {
    const spread = { type: 'window', days: 30 };
    expect(issuesOf({ ...nps, spread })).toEqual([
      { path: 'spread', message: 'an eligibility window counts from schedule.startAt: set it' },
    ]);
    expect(surveyPromptSchema.safeParse({ ...nps, spread, schedule: { startAt: '2026-03-01T00:00:00Z' } }).success).toBe(true);
    expect(surveyPromptSchema.parse({ ...nps, spread: { type: 'dailyCap', maxPerDay: 200 } }).spread).toEqual({
      type: 'dailyCap',
      maxPerDay: 200,
    });
  });

  it('names each broken field', () => {
    const paths = issuesOf({
      ...nps,
      display: 'popup',
      content: { type: 'csat' },
      cadence: { snoozeDays: 0, maxAsks: 0 },
      points: -5,
    }).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['display', 'content.question', 'cadence.snoozeDays', 'cadence.maxAsks', 'points']));
  });
});

describe('surveyResponseSchema', () => {
  const response = { surveyId: 'nps-q2', cycle: 1, anonymousId: 'anon-1', userId: 'u1', answer: { type: 'nps', score: 3 } };

  it('accepts a partial response (score only) and one with a comment, trimmed', () => {
    expect(surveyResponseSchema.parse(response).comment).toBeUndefined();
    expect(surveyResponseSchema.parse({ ...response, comment: '  Too slow \n' }).comment).toBe('Too slow');
  });

  it('checks each scale: NPS 0–10, CSAT 1–5, CLI 1–10 per question', () => {
    const bad = (answer: unknown) => issuesOf({ ...response, answer }, surveyResponseSchema);
    expect(bad({ type: 'nps', score: 11 })).toEqual([{ path: 'answer.score', message: 'score must be 0–10' }]);
    expect(bad({ type: 'nps', score: 7.5 })).toEqual([{ path: 'answer.score', message: 'score must be a whole number' }]);
    expect(bad({ type: 'csat', score: 0 })).toEqual([{ path: 'answer.score', message: 'score must be 1–5' }]);
    expect(bad({ type: 'cli', scores: { quality: 0 } })).toEqual([{ path: 'answer.scores.quality', message: 'score must be 1–10' }]);
    expect(bad({ type: 'cli', scores: {} })).toEqual([{ path: 'answer.scores', message: 'scores needs at least one question' }]);
    expect(surveyResponseSchema.safeParse({ ...response, answer: { type: 'nps', score: 0 } }).success).toBe(true);
  });

  it('needs a cycle from the state', () => {
    expect(issuesOf({ ...response, cycle: 0 }, surveyResponseSchema)).toEqual([{ path: 'cycle', message: 'cycle must be at least 1' }]);
  });
});

describe('surveyStateSchema', () => {
  it('carries the cycle and one locale of texts, and no cadence or audience', () => {
    const state = surveyStateSchema.parse({
      id: 'nps-q2',
      kind: 'survey',
      triggers: [{ type: 'load' }],
      interrupting: true,
      locale: 'en',
      cycle: 2,
      display: 'modal',
      askLater: true,
      dismissible: true,
      content: { type: 'nps', product: 'Acme Projects' },
      cadence: { snoozeDays: 1 },
      audience: { type: 'sample', percent: 5 },
    });
    expect(state).not.toHaveProperty('cadence');
    expect(state).not.toHaveProperty('audience');
    expect(state).toMatchObject({ cycle: 2, display: 'modal', content: { type: 'nps', comment: true } });
  });
});
