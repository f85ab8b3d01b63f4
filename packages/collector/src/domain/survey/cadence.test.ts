import { describe, expect, it } from 'vitest';
import { daysAgo, NOW } from '../test-helpers.js';
import { DAY_MS } from '../time.js';
import { checkCadence } from './cadence.js';
import { ask, npsSurvey, surveyFacts } from './fixtures.js';

const later = (days: number) => new Date(NOW.getTime() + days * DAY_MS);

describe('checkCadence', () => {
  it('asks a user who was never asked, in cycle 1', () => {
    expect(checkCadence(npsSurvey(), surveyFacts(), NOW)).toEqual({
      ok: true,
      cycle: 1,
      reason: 'cycle 1: asked 0 of 3 times; no even spread is configured',
    });
  });

  it('does not ask again for 90 days after a response, then opens the next cycle', () => {
    const facts = surveyFacts({ responses: [{ cycle: 1, answeredAt: NOW }], asks: [ask('shown', NOW)] });
    const dayBefore = checkCadence(npsSurvey(), facts, later(89.99));
    expect(dayBefore).toMatchObject({ ok: false, cycle: 2 });
    expect(dayBefore.reason).toContain('asks again 90 days after a response (next: 2026-06-13T12:00:00.000Z)');
    // The asks of the answered cycle do not count against the new one.
    expect(checkCadence(npsSurvey(), facts, later(90))).toMatchObject({ ok: true, cycle: 2 });
  });

  it('follows a configured re-ask period', () => {
    const facts = surveyFacts({ responses: [{ cycle: 1, answeredAt: NOW }] });
    const survey = npsSurvey({ cadence: { reaskAfterDays: 60 } });
    expect(checkCadence(survey, facts, later(59)).ok).toBe(false);
    expect(checkCadence(survey, facts, later(60)).ok).toBe(true);
  });

  it('hides it for 7 days after "ask me later"', () => {
    const facts = surveyFacts({ asks: [ask('shown', NOW), ask('snoozed', NOW)] });
    const snoozed = checkCadence(npsSurvey(), facts, later(6.9));
    expect(snoozed.ok).toBe(false);
    expect(snoozed.reason).toContain('snoozes it 7 days');
    expect(checkCadence(npsSurvey(), facts, later(7)).ok).toBe(true);
    expect(checkCadence(npsSurvey({ cadence: { snoozeDays: 2, minDaysBetweenAsks: 0 } }), facts, later(2)).ok).toBe(true);
  });

  it('waits between unanswered asks, and a dismissal counts as an ask', () => {
    const survey = npsSurvey({ cadence: { maxAsks: 2, minDaysBetweenAsks: 3 } });
    // A dismissal whose `$prompt_shown` never arrived still uses an ask and starts the wait.
    const dismissedOnly = surveyFacts({ asks: [ask('dismissed', daysAgo(1))] });
    expect(checkCadence(survey, dismissedOnly, NOW).reason).toContain('waits 3 days between asks');
    expect(checkCadence(survey, dismissedOnly, later(2)).reason).toBe('cycle 1: asked 1 of 2 times; no even spread is configured');
    // Shown and dismissed once each is one ask, not two.
    const both = surveyFacts({ asks: [ask('shown', daysAgo(5)), ask('dismissed', daysAgo(5))] });
    expect(checkCadence(survey, both, NOW)).toMatchObject({ ok: true, reason: expect.stringContaining('asked 1 of 2') });
  });

  it('stops at max asks per period, and asks again once old asks leave the period', () => {
    const survey = npsSurvey({ cadence: { maxAsks: 2, periodDays: 30, minDaysBetweenAsks: 1 } });
    const facts = surveyFacts({ asks: [ask('shown', daysAgo(20)), ask('shown', daysAgo(10)), ask('dismissed', daysAgo(10))] });
    expect(checkCadence(survey, facts, NOW)).toMatchObject({
      ok: false,
      reason: 'asked 2 times in this cycle within 30 days; the limit is 2',
    });
    expect(checkCadence(survey, facts, later(10)).ok).toBe(true);
  });

  it('counts duplicate shows from two tabs, so tabs cannot add asks', () => {
    const survey = npsSurvey({ cadence: { maxAsks: 2, minDaysBetweenAsks: 0 } });
    const facts = surveyFacts({ asks: [ask('shown', daysAgo(1)), ask('shown', daysAgo(1))] });
    expect(checkCadence(survey, facts, NOW).ok).toBe(false);
  });

  it('numbers cycles after the highest answered one', () => {
    const facts = surveyFacts({
      responses: [
        { cycle: 2, answeredAt: daysAgo(100) },
        { cycle: 1, answeredAt: daysAgo(300) },
      ],
    });
    expect(checkCadence(npsSurvey(), facts, NOW)).toMatchObject({ ok: true, cycle: 3 });
  });
});

describe('even spread', () => {
  const startAt = daysAgo(10);
  const windowSurvey = npsSurvey({ spread: { type: 'window', days: 30 }, schedule: { startAt: startAt.toISOString() } });

  it('gives each user a stable day in the window, spread over all of it', () => {
    const opened = Array.from({ length: 400 }, (_, i) => checkCadence(windowSurvey, surveyFacts({ userId: `user-${i}` }), NOW).ok);
    // Ten of thirty days have passed: about a third of users are eligible.
    const share = opened.filter(Boolean).length / opened.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.42);
    const again = Array.from({ length: 400 }, (_, i) => checkCadence(windowSurvey, surveyFacts({ userId: `user-${i}` }), NOW).ok);
    expect(again).toEqual(opened);
    // After the whole window, everyone is.
    expect(
      Array.from({ length: 50 }, (_, i) => checkCadence(windowSurvey, surveyFacts({ userId: `user-${i}` }), later(20)).ok).every(Boolean),
    ).toBe(true);
  });

  it("counts the window from a late user's first visit, and only in the first cycle", () => {
    const newcomer = surveyFacts({ userId: 'user-7', firstSeen: NOW });
    expect(checkCadence(windowSurvey, newcomer, NOW).ok).toBe(false);
    expect(checkCadence(windowSurvey, newcomer, later(30)).ok).toBe(true);
    const answered = surveyFacts({ userId: 'user-7', firstSeen: NOW, responses: [{ cycle: 1, answeredAt: daysAgo(91) }] });
    expect(checkCadence(windowSurvey, answered, NOW)).toMatchObject({ ok: true, cycle: 2 });
  });

  it('holds first asks once the daily cap is used, but not a cycle already under way', () => {
    const capped = npsSurvey({ spread: { type: 'dailyCap', maxPerDay: 100 } });
    expect(checkCadence(capped, surveyFacts({ askedLast24h: 99 }), NOW).ok).toBe(true);
    expect(checkCadence(capped, surveyFacts({ askedLast24h: 100 }), NOW)).toMatchObject({
      ok: false,
      reason: 'even spread: 100 users were asked in the last 24 hours, the daily cap is 100',
    });
    const underWay = surveyFacts({ askedLast24h: 100, asks: [ask('shown', daysAgo(8))] });
    expect(checkCadence(capped, underWay, NOW).ok).toBe(true);
  });
});
