import { percent } from './median.js';

/**
 * Survey response rate (docs/reference/kpi-definitions.md): responses ÷ times shown × 100, over `[from, to)`.
 * Times shown are `$prompt_shown` events of the survey (a re-ask is another display); responses
 * are stored responses by `answeredAt`. Null when it was never shown.
 *
 * SQL shape: `SELECT count(*) FROM events WHERE project_id = $1 AND name = '$prompt_shown'
 *   AND properties->>'promptId' = $2 AND timestamp >= $3 AND timestamp < $4`, and the response
 *   count over `survey_responses` for the same range.
 */
export interface ResponseRateKpi {
  displays: number;
  responses: number;
  rate: number | null;
}

export function responseRate(displays: readonly Date[], responses: readonly Date[], range: { from: Date; to: Date }): ResponseRateKpi {
  const from = range.from.getTime();
  const to = range.to.getTime();
  if (!(from <= to)) throw new RangeError('range.from must not be after range.to');
  const inRange = (at: Date) => at.getTime() >= from && at.getTime() < to;
  const shown = displays.filter(inRange).length;
  const answered = responses.filter(inRange).length;
  return { displays: shown, responses: answered, rate: percent(answered, shown) };
}
