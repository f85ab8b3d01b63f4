import type { TraitCondition } from '@hearth/schema';

export type { SegmentChoice } from '@hearth/schema';

/**
 * `trait=key:value`: identified users whose current trait `key` equals one of `values`, compared
 * typed (the string "5" and the number 5 are both listed for `seats:5`: see `segmentOf`).
 * Visitors who never identified have no traits, so no segment has them.
 */
export interface TraitSegment {
  kind: 'trait';
  trait: string;
  values: readonly (string | number | boolean)[];
}

/**
 * `trait=role:admin` → users whose trait `role` is "admin" (first `:` splits). The URL only carries
 * text, so the value is compared typed: `seats:5` also matches the number 5 (`5.0` too), and
 * `beta:true` the boolean true; `in` lists the typed candidates when there is more than one.
 */
export function segmentOf(trait: string | undefined): TraitCondition | undefined {
  if (trait === undefined) return undefined;
  const at = trait.indexOf(':');
  const key = trait.slice(0, at);
  const values = segmentValues(trait.slice(at + 1));
  if (values.length === 1) return { type: 'trait', trait: key, op: 'equals', value: values[0] ?? '' };
  return { type: 'trait', trait: key, op: 'in', values };
}

/** JSON's number grammar: what a stored number's text looks like (no `0x`, `Infinity`, spaces). */
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The scalar values a segment's text stands for: itself, and the number or boolean it spells. */
function segmentValues(text: string): (string | number | boolean)[] {
  const values: (string | number | boolean)[] = [text];
  if (JSON_NUMBER.test(text) && Number.isFinite(Number(text))) values.push(Number(text));
  if (text === 'true' || text === 'false') values.push(text === 'true');
  return values;
}

/** The retention stores' form of a `segmentOf` condition: the trait and its typed candidates. */
export function traitSegmentOf(segment: TraitCondition | undefined): TraitSegment | undefined {
  if (segment?.op === 'equals' && segment.value !== null) return { kind: 'trait', trait: segment.trait, values: [segment.value] };
  if (segment?.op === 'in')
    return { kind: 'trait', trait: segment.trait, values: segment.values.flatMap((value) => (value === null ? [] : [value])) };
  return undefined;
}

/**
 * Lifecycle stages, each judged at the range's end `to` (docs/kpis.md, "Segments"):
 * - `trial`: the user's `plan` trait is "trial" (a trait segment under a fixed name);
 * - `new`: first seen in the 30 days before `to`;
 * - `long-time`: first seen 90 days or more before `to`;
 * - `at-risk`: active in the 30 days before the last N whole UTC days, and not in those N days.
 * The stage names and the URL grammar (`segment=`) live in @hearth/schema (kpi-segment.ts).
 */
export const NEW_DAYS = 30;
export const LONG_TIME_DAYS = 90;
export const AT_RISK_LOOKBACK_DAYS = 30;
export const AT_RISK_DEFAULT_DAYS = 14;

/**
 * The one segment filter the KPI statements apply (storage/kpi/segment-sql.ts), every kind
 * ending in identified users: visitors who never identified are in no segment. Rewards program
 * groups: `member` (earned points before `to`), `non-member` (every other identified user),
 * `holdout` and `exposed` (the program's randomized holdout and the rest of the identified users;
 * see domain/rewards/holdout.ts), the last two as listed `users`.
 * `users` is a list the service resolved (the holdout's hash is not SQL), `negate` its complement
 * among identified users.
 */
export type KpiSegment =
  | TraitSegment
  | { kind: 'first-seen'; fromMs: number | null; toMs: number }
  | { kind: 'at-risk'; days: number }
  | { kind: 'member' }
  | { kind: 'non-member' }
  | { kind: 'users'; ids: readonly string[]; negate: boolean };
