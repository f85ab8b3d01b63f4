import type { JsonValue, NpsSummary, NpsTrendPoint } from '@hearth/schema';
import { npsScores, npsSummary } from './nps.js';
import { selectRows, type SurveyKpiQuery, type SurveyResponseRow } from './survey-rows.js';

export type TrendInterval = 'week' | 'month';

/**
 * Start of the UTC week (Monday 00:00) or month containing `ms`. Buckets are calendar periods in
 * UTC so a chart's bars line up with the dates people name; the KPI says so rather than guessing
 * a viewer's time zone.
 *
 * SQL shape: PostgreSQL `date_trunc('week' | 'month', answered_at AT TIME ZONE 'UTC')`; SQLite
 * `date(answered_at / 1000, 'unixepoch', 'weekday 0', '-6 days')` or `'start of month'`.
 */
export function bucketStart(ms: number, interval: TrendInterval): number {
  const d = new Date(ms);
  if (interval === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return day - ((d.getUTCDay() + 6) % 7) * 86_400_000;
}

function nextBucket(start: number, interval: TrendInterval): number {
  const d = new Date(start);
  return interval === 'month' ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) : start + 7 * 86_400_000;
}

/**
 * NPS per week or month over the range, every bucket listed (null score when a bucket has no
 * responses, so a chart shows a gap instead of a fake 0). The first and last buckets are cut to
 * the range: a bucket only counts responses inside `[from, to)`.
 */
export function npsTrend(rows: readonly SurveyResponseRow[], query: SurveyKpiQuery & { interval: TrendInterval }): NpsTrendPoint[] {
  const selected = selectRows(rows, query);
  const from = query.range.from.getTime();
  const to = query.range.to.getTime();
  const points: NpsTrendPoint[] = [];
  for (let start = bucketStart(from, query.interval); start < to; start = nextBucket(start, query.interval)) {
    const end = nextBucket(start, query.interval);
    const inBucket = selected.filter((row) => row.answeredAt.getTime() >= start && row.answeredAt.getTime() < end);
    points.push({
      start: new Date(Math.max(start, from)).toISOString(),
      end: new Date(Math.min(end, to)).toISOString(),
      ...npsSummary(npsScores(inBucket)),
    });
  }
  return points;
}

/**
 * NPS per value of one answer-time trait (`plan`: free / pro / …), largest group first; users
 * without the trait form the `null` group. Only scalar values group; others count as `null`.
 */
export function npsByTrait(
  rows: readonly SurveyResponseRow[],
  query: SurveyKpiQuery & { trait: string },
): ({ value: JsonValue } & NpsSummary)[] {
  const groups = new Map<string, { value: JsonValue; rows: SurveyResponseRow[] }>();
  for (const row of selectRows(rows, query)) {
    const raw = Object.hasOwn(row.traits, query.trait) ? row.traits[query.trait] : null;
    const value = raw === undefined || (typeof raw === 'object' && raw !== null) ? null : raw;
    const key = JSON.stringify(value);
    const group = groups.get(key) ?? { value, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()]
    .map((group) => ({ value: group.value, ...npsSummary(npsScores(group.rows)) }))
    .filter((group) => group.count > 0)
    .sort((a, b) => b.count - a.count || (JSON.stringify(a.value) < JSON.stringify(b.value) ? -1 : 1));
}
