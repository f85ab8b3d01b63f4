import type { SurveySpread } from '@hearth/schema';
import type { Check } from '../targeting/check.js';
import { sampleBucket, SAMPLE_BUCKETS } from '../targeting/sampling.js';
import { DAY_MS } from '../time.js';

export interface SpreadFacts {
  surveyId: string;
  userId: string;
  /** `schedule.startAt` (the schema requires it for a window). */
  startAt: Date | null;
  firstSeen: Date | null;
  /** The current cycle already has an ask: the daily cap only limits *first* asks. */
  askedThisCycle: boolean;
  /** Users shown this survey in the last 24 hours, project-wide (store query; dailyCap only). */
  askedLast24h: number;
}

/**
 * A stable offset in `[0, days)` per user and survey: the same user gets the same day on every
 * request, tab and device, and users spread evenly over the window (same hash as sampling, salted
 * apart from it so being in a 10 % sample says nothing about one's window day).
 */
export function windowOffsetMs(surveyId: string, userId: string, days: number): number {
  return (sampleBucket(`${surveyId}:spread`, userId) / SAMPLE_BUCKETS) * days * DAY_MS;
}

/**
 * Even spread applies to a user's first cycle only (later cycles follow their own answers, which
 * are already spread). A window counts from the later of `startAt` and the user's first visit, so
 * users who arrive mid-survey are spread too.
 */
export function checkSpread(spread: SurveySpread | undefined, facts: SpreadFacts, now: Date, firstCycle: boolean): Check {
  if (!spread) return { ok: true, reason: 'no even spread is configured' };
  if (spread.type === 'window') {
    if (!firstCycle) return { ok: true, reason: 'the eligibility window applies to the first cycle only' };
    const anchor = Math.max(facts.startAt?.getTime() ?? 0, facts.firstSeen?.getTime() ?? 0);
    const from = new Date(anchor + windowOffsetMs(facts.surveyId, facts.userId, spread.days));
    return now < from
      ? { ok: false, reason: `even spread: this user's eligibility window opens at ${from.toISOString()}` }
      : { ok: true, reason: `even spread: this user's eligibility window opened at ${from.toISOString()}` };
  }
  if (facts.askedThisCycle) return { ok: true, reason: 'the daily cap limits first asks only; this cycle was already asked' };
  return facts.askedLast24h >= spread.maxPerDay
    ? {
        ok: false,
        reason: `even spread: ${facts.askedLast24h} users were asked in the last 24 hours, the daily cap is ${spread.maxPerDay}`,
      }
    : { ok: true, reason: `even spread: ${facts.askedLast24h} of ${spread.maxPerDay} daily asks used` };
}
