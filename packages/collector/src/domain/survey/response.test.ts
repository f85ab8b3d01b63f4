import { surveyResponseSchema, type SurveyResponseInput } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { daysAgo, NOW } from '../test-helpers.js';
import { npsSurvey } from './fixtures.js';
import { decideResponse, type ResponseContext, type StoredResponse } from './response.js';

const traits = { plan: 'pro', role: 'admin' };
const input = (overrides: Partial<SurveyResponseInput> = {}) =>
  surveyResponseSchema.parse({
    surveyId: 'nps',
    cycle: 1,
    anonymousId: 'anon-1',
    userId: 'user-1',
    answer: { type: 'nps', score: 3 },
    ...overrides,
  });
const context = (overrides: Partial<ResponseContext> = {}): ResponseContext => ({
  survey: npsSurvey(),
  userId: 'user-1',
  anonymous: false,
  existing: null,
  latest: null,
  traits,
  now: NOW,
  ...overrides,
});
const stored = (overrides: Partial<StoredResponse> = {}): StoredResponse => ({
  surveyId: 'nps',
  userId: 'user-1',
  anonymous: false,
  cycle: 1,
  answer: { type: 'nps', score: 3 },
  comment: null,
  traits,
  locale: null,
  answeredAt: daysAgo(1),
  updatedAt: daysAgo(1),
  ...overrides,
});

describe('decideResponse', () => {
  it('creates the response of an open cycle with the traits at answer time', () => {
    expect(decideResponse(input({ locale: 'nb' }), context())).toEqual({
      outcome: 'created',
      record: { ...stored({ answeredAt: NOW, updatedAt: NOW }), locale: 'nb' },
    });
  });

  it('adds the comment to the partial response, keeping the first snapshot', () => {
    const decision = decideResponse(input({ comment: 'Exports are slow' }), context({ existing: stored(), traits: { plan: 'free' } }));
    expect(decision).toEqual({ outcome: 'updated', record: stored({ comment: 'Exports are slow', updatedAt: NOW }) });
  });

  it('treats a retry or a second tab as a duplicate, never a second response', () => {
    const existing = stored({ comment: 'Exports are slow' });
    expect(decideResponse(input(), context({ existing }))).toEqual({ outcome: 'duplicate', record: existing });
    expect(decideResponse(input({ comment: 'Exports are slow' }), context({ existing }))).toEqual({
      outcome: 'duplicate',
      record: existing,
    });
  });

  it('refuses to change a chosen score', () => {
    expect(decideResponse(input({ answer: { type: 'nps', score: 9 } }), context({ existing: stored() }))).toEqual({
      outcome: 'refused',
      status: 409,
      issues: [{ path: 'answer.score', message: 'cycle 1 was already answered with a different score' }],
    });
  });

  it('lets a rescore (an NPS email link) replace the score of the cycle, keeping the comment; the same score is a duplicate', () => {
    const existing = stored({ comment: 'Exports are slow' });
    const changed = decideResponse(input({ answer: { type: 'nps', score: 9 } }), context({ existing, rescore: true }));
    expect(changed).toMatchObject({
      outcome: 'updated',
      record: { cycle: 1, answer: { type: 'nps', score: 9 }, comment: 'Exports are slow' },
    });
    expect(decideResponse(input(), context({ existing, rescore: true }))).toEqual({ outcome: 'duplicate', record: existing });
  });

  it('merges CLI scores question by question', () => {
    const survey = npsSurvey({
      content: {
        type: 'cli',
        questions: [
          { id: 'quality', text: 'Quality?' },
          { id: 'support', text: 'Support?' },
        ],
      },
    });
    const existing = stored({ answer: { type: 'cli', scores: { quality: 8 } } });
    const more = decideResponse(input({ answer: { type: 'cli', scores: { quality: 8, support: 6 } } }), context({ survey, existing }));
    expect(more).toMatchObject({ outcome: 'updated', record: { answer: { type: 'cli', scores: { quality: 8, support: 6 } } } });
    const clash = decideResponse(input({ answer: { type: 'cli', scores: { quality: 7 } } }), context({ survey, existing }));
    expect(clash).toMatchObject({ outcome: 'refused', status: 409, issues: [{ path: 'answer.scores.quality' }] });
    const unknown = decideResponse(input({ answer: { type: 'cli', scores: { price: 7 } } }), context({ survey }));
    expect(unknown).toEqual({
      outcome: 'refused',
      status: 422,
      issues: [{ path: 'answer.scores.price', message: 'no question "price" in this survey' }],
    });
  });

  it('refuses answers of the wrong type and comments where no follow-up is asked', () => {
    expect(decideResponse(input({ answer: { type: 'csat', score: 4 } }), context())).toEqual({
      outcome: 'refused',
      status: 422,
      issues: [{ path: 'answer.type', message: '"nps" is an NPS survey, not csat' }],
    });
    const quiet = npsSurvey({ content: { type: 'nps', product: 'Acme', comment: false } });
    expect(decideResponse(input({ comment: 'hi' }), context({ survey: quiet }))).toMatchObject({
      outcome: 'refused',
      status: 422,
      issues: [{ path: 'comment' }],
    });
  });

  it('accepts a new cycle only once the cadence opened it', () => {
    const latest = { cycle: 1, answeredAt: daysAgo(30) };
    expect(decideResponse(input({ cycle: 2 }), context({ latest }))).toEqual({
      outcome: 'refused',
      status: 409,
      issues: [{ path: 'cycle', message: 'cycle 2 opens at 2026-05-14T12:00:00.000Z' }],
    });
    expect(decideResponse(input({ cycle: 3 }), context({ latest: { cycle: 1, answeredAt: daysAgo(100) } }))).toMatchObject({
      outcome: 'refused',
      issues: [{ message: 'cycle 3 is not open; the open cycle is 2' }],
    });
    expect(decideResponse(input({ cycle: 2 }), context({ latest: { cycle: 1, answeredAt: daysAgo(90) } }))).toMatchObject({
      outcome: 'created',
      record: { cycle: 2 },
    });
  });

  it('takes no responses for a draft or archived survey', () => {
    expect(decideResponse(input(), context({ survey: npsSurvey({ status: 'archived' }) }))).toMatchObject({
      outcome: 'refused',
      status: 409,
      issues: [{ path: 'surveyId' }],
    });
  });
});
