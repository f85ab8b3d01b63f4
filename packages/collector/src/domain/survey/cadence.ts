import type { SurveyPrompt } from '@hearth/schema';
import type { Check } from '../targeting/check.js';
import { DAY_MS } from '../time.js';
import type { SurveyAskRecord } from './history.js';
import { checkSpread } from './spread.js';

/** The part of a stored response the cadence needs. */
export interface ResponseMark {
  cycle: number;
  answeredAt: Date;
}

/** What the store knows about one user and one survey. */
export interface SurveyFacts {
  userId: string;
  firstSeen: Date | null;
  /** This user's responses to this survey (any order). */
  responses: readonly ResponseMark[];
  /** From `surveyAsksFromEvents`. */
  asks: readonly SurveyAskRecord[];
  /** Users shown this survey in the last 24 hours, project-wide; only read with a `dailyCap` spread. */
  askedLast24h: number;
}

export interface CadenceResult extends Check {
  /** The cycle a response now belongs to: one more than the last answered cycle. */
  cycle: number;
}

const iso = (ms: number) => new Date(ms).toISOString();
const latest = <T>(items: readonly T[], at: (item: T) => Date): T | undefined =>
  items.reduce<T | undefined>((max, item) => (!max || at(item) > at(max) ? item : max), undefined);

/**
 * May this survey be asked now? Checked in order: the re-ask wait after a response, "ask me
 * later", asks used in the period, the wait between asks, then even spread. Rules:
 * - a cycle ends with a response; the next opens `reaskAfterDays` after it;
 * - asks are displays since the cycle opened and within the last `periodDays`; a dismissal counts
 *   as a display (max of both counts, so a lost `$prompt_shown` gives no free ask, and a shown
 *   plus its dismissal are one ask);
 * - an unanswered ask waits `minDaysBetweenAsks`; a snooze waits `snoozeDays`.
 * Future records (clock skew) count as now-ish: they hold the survey back rather than release it.
 */
export function checkCadence(survey: SurveyPrompt, facts: SurveyFacts, now: Date): CadenceResult {
  const { cadence } = survey;
  const t = now.getTime();
  const last = latest(facts.responses, (r) => r.answeredAt);
  const cycle = Math.max(0, ...facts.responses.map((r) => r.cycle)) + 1;
  const held = (reason: string): CadenceResult => ({ ok: false, reason, cycle });

  if (last) {
    const opensAt = last.answeredAt.getTime() + cadence.reaskAfterDays * DAY_MS;
    if (t < opensAt) {
      return held(
        `answered on ${last.answeredAt.toISOString()}; asks again ${cadence.reaskAfterDays} days after a response (next: ${iso(opensAt)})`,
      );
    }
  }
  const cycleStart = last?.answeredAt.getTime() ?? -Infinity;
  const periodStart = Math.max(cycleStart, t - cadence.periodDays * DAY_MS);
  const since = (from: number) => facts.asks.filter((a) => a.at.getTime() > from);
  const inCycle = since(cycleStart);

  const snooze = latest(
    inCycle.filter((a) => a.action === 'snoozed'),
    (a) => a.at,
  );
  if (snooze) {
    const until = snooze.at.getTime() + cadence.snoozeDays * DAY_MS;
    if (t < until) return held(`"ask me later" on ${snooze.at.toISOString()} snoozes it ${cadence.snoozeDays} days (until ${iso(until)})`);
  }
  const inPeriod = since(periodStart);
  const count = (action: SurveyAskRecord['action']) => inPeriod.filter((a) => a.action === action).length;
  const asks = Math.max(count('shown'), count('dismissed'));
  if (asks >= cadence.maxAsks) {
    return held(`asked ${asks} times in this cycle within ${cadence.periodDays} days; the limit is ${cadence.maxAsks}`);
  }
  const lastAsk = latest(
    inCycle.filter((a) => a.action !== 'snoozed'),
    (a) => a.at,
  );
  if (lastAsk) {
    const nextAt = lastAsk.at.getTime() + cadence.minDaysBetweenAsks * DAY_MS;
    if (t < nextAt)
      return held(
        `last asked on ${lastAsk.at.toISOString()}; waits ${cadence.minDaysBetweenAsks} days between asks (next: ${iso(nextAt)})`,
      );
  }
  const spread = checkSpread(
    survey.spread,
    {
      surveyId: survey.id,
      userId: facts.userId,
      startAt: survey.schedule.startAt ? new Date(survey.schedule.startAt) : null,
      firstSeen: facts.firstSeen,
      askedThisCycle: inCycle.length > 0,
      askedLast24h: facts.askedLast24h,
    },
    now,
    cycle === 1,
  );
  if (!spread.ok) return held(spread.reason);
  return { ok: true, reason: `cycle ${cycle}: asked ${asks} of ${cadence.maxAsks} times; ${spread.reason}`, cycle };
}
