import { describe, expect, it } from 'vitest';
import type { StoredResponse } from '../domain/survey/response.js';
import { responsesCsv } from './survey-responses.js';

const at = new Date('2026-03-15T12:00:00Z');
const base = { surveyId: 'nps', anonymous: false, cycle: 1, locale: 'en', answeredAt: at, updatedAt: at };
const responses: StoredResponse[] = [
  { ...base, userId: 'u1', answer: { type: 'nps', score: 3 }, comment: '=cmd|" /C calc"!A0, really', traits: { plan: 'pro', seats: 12 } },
  { ...base, userId: 'u2', answer: { type: 'nps', score: 9 }, comment: null, traits: { plan: { nested: true } } },
];

describe('responsesCsv', () => {
  it('writes one row per response with group, comment and chosen traits, injection-safe', () => {
    expect(responsesCsv(responses, { traits: ['plan', 'seats'] }).split('\r\n')).toEqual([
      'answered_at,updated_at,survey_id,user_id,cycle,type,score,nps_group,comment,locale,trait:plan,trait:seats',
      `2026-03-15T12:00:00.000Z,2026-03-15T12:00:00.000Z,nps,u1,1,nps,3,detractor,"'=cmd|"" /C calc""!A0, really",en,pro,12`,
      '2026-03-15T12:00:00.000Z,2026-03-15T12:00:00.000Z,nps,u2,1,nps,9,promoter,,en,"{""nested"":true}",',
      '',
    ]);
  });

  it('gives CLI scores a column per question', () => {
    const cli: StoredResponse = {
      ...base,
      surveyId: 'cli',
      userId: 'u3',
      answer: { type: 'cli', scores: { quality: 8 } },
      comment: null,
      traits: {},
    };
    const [header, row] = responsesCsv([cli], { questionIds: ['quality', 'support'] }).split('\r\n');
    expect(header).toContain('score:quality,score:support');
    expect(row).toBe('2026-03-15T12:00:00.000Z,2026-03-15T12:00:00.000Z,cli,u3,1,cli,,,8,,,en');
  });
});
