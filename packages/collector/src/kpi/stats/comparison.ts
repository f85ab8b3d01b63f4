import { meanDifference, type MeanGroup } from './means.js';
import { proportionDifference, type ProportionGroup } from './proportions.js';

/**
 * The "too small" rule. A group needs at least `MIN_GROUP_SIZE` subjects, and for a rate at least
 * `MIN_OUTCOMES` subjects with the outcome and `MIN_OUTCOMES` without it (the usual np ≥ 5,
 * n(1 − p) ≥ 5 condition for the normal approximation both intervals rest on). Below that the
 * interval is still shown, but its 95 % is not to be trusted and the verdict says "too small".
 */
export const MIN_GROUP_SIZE = 30;
export const MIN_OUTCOMES = 5;

/**
 * - `too-small`: a group fails the rule above (see `warning`);
 * - `higher` / `lower`: the whole interval lies above / below 0;
 * - `no-difference`: the interval contains 0 (no difference detectable at this size).
 */
export type Verdict = 'too-small' | 'higher' | 'lower' | 'no-difference';

export interface GroupFigure {
  /** Subjects in the group (the sample size). */
  n: number;
  /** The group's rate in percent, or its mean; null for an empty group. */
  value: number | null;
}

/**
 * Exposed (or members) against control (holdout, non-members). `difference`, `low` and `high` are
 * percentage points for rates and the metric's own unit for means; null when no interval can be
 * drawn (an empty group, or a mean group below 2).
 */
export interface Comparison {
  exposed: GroupFigure;
  control: GroupFigure;
  difference: number | null;
  low: number | null;
  high: number | null;
  verdict: Verdict;
  /** A plain-language sentence when the verdict is `too-small`, else null. */
  warning: string | null;
}

/** Names the groups in the warning sentence ("members", "the holdout"…). */
export interface GroupNames {
  exposed: string;
  control: string;
}

const DEFAULT_NAMES: GroupNames = { exposed: 'the exposed group', control: 'the holdout' };

/** Rates: Newcombe's interval, in percentage points. */
export function compareProportions(exposed: ProportionGroup, control: ProportionGroup, names = DEFAULT_NAMES): Comparison {
  const interval = proportionDifference(exposed, control);
  const warning = sizeWarning(exposed, control, names) ?? outcomeWarning(exposed, control, names);
  return build(
    { n: exposed.n, value: rate(exposed) },
    { n: control.n, value: rate(control) },
    interval && { estimate: interval.estimate * 100, low: interval.low * 100, high: interval.high * 100 },
    warning,
  );
}

/** Means: Welch's interval, in the metric's unit. */
export function compareMeans(exposed: MeanGroup, control: MeanGroup, names = DEFAULT_NAMES): Comparison {
  return build(
    { n: exposed.n, value: exposed.n === 0 ? null : exposed.mean },
    { n: control.n, value: control.n === 0 ? null : control.mean },
    meanDifference(exposed, control),
    sizeWarning(exposed, control, names),
  );
}

/** Every group below 2 (no interval) also fails the size rule, so a null interval always has a warning. */
function build(
  exposed: GroupFigure,
  control: GroupFigure,
  interval: { estimate: number; low: number; high: number } | null,
  warning: string | null,
): Comparison {
  const verdict: Verdict =
    warning !== null || interval === null ? 'too-small' : interval.low > 0 ? 'higher' : interval.high < 0 ? 'lower' : 'no-difference';
  return {
    exposed,
    control,
    difference: interval?.estimate ?? null,
    low: interval?.low ?? null,
    high: interval?.high ?? null,
    verdict,
    warning,
  };
}

function rate({ n, successes }: ProportionGroup): number | null {
  return n === 0 ? null : (successes / n) * 100;
}

function sizeWarning(exposed: { n: number }, control: { n: number }, names: GroupNames): string | null {
  const small = listed(names, [exposed.n < MIN_GROUP_SIZE, control.n < MIN_GROUP_SIZE]);
  if (small === null) return null;
  const sizes = [`${names.exposed}: ${exposed.n}`, `${names.control}: ${control.n}`].join(', ');
  return `Too few to tell: each group needs at least ${MIN_GROUP_SIZE} subjects and ${small} fewer (${sizes}). Treat this difference as a hint, not a result.`;
}

function outcomeWarning(exposed: ProportionGroup, control: ProportionGroup, names: GroupNames): string | null {
  const thin = (group: ProportionGroup) => group.successes < MIN_OUTCOMES || group.n - group.successes < MIN_OUTCOMES;
  const which = listed(names, [thin(exposed), thin(control)]);
  if (which === null) return null;
  return `Too few to tell: ${which} fewer than ${MIN_OUTCOMES} subjects with, or without, the outcome; this close to 0 % or 100 % the interval is unreliable.`;
}

/** "the holdout has" / "exposed and the holdout have", or null when no group is flagged. */
function listed(names: GroupNames, flags: [boolean, boolean]): string | null {
  const flagged = [names.exposed, names.control].filter((_, i) => flags[i]);
  if (flagged.length === 0) return null;
  return `${flagged.join(' and ')} ${flagged.length === 1 ? 'has' : 'have'}`;
}
