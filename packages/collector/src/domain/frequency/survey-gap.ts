import type { FatigueBudget } from '@hearth/schema';
import type { SurveyFacts } from '../survey/cadence.js';
import type { Check } from '../targeting/check.js';
import { DAY_MS } from '../time.js';
import type { DisplayRecord } from './history.js';

/** A survey that was on the user's screen, and when. */
interface SurveySeen {
  surveyId: string;
  at: Date;
}

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/**
 * Every time a survey was on the user's screen: its display records (shown, dismissed or answered)
 * and its stored responses, which the collector timed itself and which arrive even when the
 * widget's `$prompt_shown` is still on its way.
 */
function surveysSeen(history: readonly DisplayRecord[], surveys: ReadonlyMap<string, SurveyFacts> | undefined): SurveySeen[] {
  const displays = history.filter((r) => r.kind === 'survey').map((r) => ({ surveyId: r.promptId, at: r.at }));
  const answers = [...(surveys ?? new Map<string, SurveyFacts>())].flatMap(([surveyId, facts]) =>
    facts.responses.map((r) => ({ surveyId, at: r.answeredAt })),
  );
  return [...displays, ...answers];
}

function checkGap(surveyId: string, seen: readonly SurveySeen[], gap: number, now: Date): Check {
  if (gap === 0) return { ok: true, reason: 'the project sets no wait between two surveys' };
  const last = seen.filter((s) => s.surveyId !== surveyId).reduce<SurveySeen | null>((max, s) => (!max || s.at > max.at ? s : max), null);
  const nextAt = last ? last.at.getTime() + gap * DAY_MS : -Infinity;
  if (last && now.getTime() < nextAt) {
    return {
      ok: false,
      reason: `the user saw the survey "${last.surveyId}" on ${last.at.toISOString()} and the project waits ${days(gap)} between two surveys (next: ${new Date(nextAt).toISOString()})`,
    };
  }
  return { ok: true, reason: `no other survey was on this user's screen in the last ${days(gap)}` };
}

/**
 * The project-wide wait between two different surveys (`minDaysBetweenSurveys`), per survey id:
 * the latest time another survey was on screen holds it. A survey's own displays never hold it
 * (its cadence decides re-asks), and future records (clock skew) hold it back rather than release
 * it. Several surveys may pass at once: the widget shows one survey at a time, and once one was
 * shown the next state answer holds the others.
 */
export function surveyGaps(
  surveyIds: readonly string[],
  history: readonly DisplayRecord[],
  surveys: ReadonlyMap<string, SurveyFacts> | undefined,
  budget: FatigueBudget,
  now: Date,
): Map<string, Check> {
  const seen = surveysSeen(history, surveys);
  return new Map(surveyIds.map((id) => [id, checkGap(id, seen, budget.minDaysBetweenSurveys, now)]));
}
