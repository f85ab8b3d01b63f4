import { traitConditionOf, type TraitCondition } from '@hearth/schema';

export type { SegmentChoice } from '@hearth/schema';

/**
 * `trait=key:value`: identified users whose current trait `key` equals one of `values`, compared
 * typed (the string "5" and the number 5 are both listed for `seats:5`: see `traitConditionOf` in
 * @hearth/schema). Visitors who never identified have no traits, so no segment has them.
 */
export interface TraitSegment {
  kind: 'trait';
  trait: string;
  values: readonly (string | number | boolean)[];
}

/**
 * `trait=seats:gte:10`: identified users whose trait `key` is a JSON number compared with `value`
 * (the text "10" is no number and never matches); `trait=createdAt:before:2026-01-01`: whose trait
 * is an instant (epoch ms, or an ISO 8601 text the stores read alike: segment-sql.ts) before or
 * after `ms`. A missing trait never matches.
 */
export type TraitComparisonSegment =
  | { kind: 'trait-number'; trait: string; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number }
  | { kind: 'trait-instant'; trait: string; op: 'before' | 'after'; ms: number };

/** `trait=role:admin` → the trait condition it stands for (`traitConditionOf`, validated by the route's schema). */
export function segmentOf(trait: string | undefined): TraitCondition | undefined {
  if (trait === undefined) return undefined;
  const condition = traitConditionOf(trait);
  return typeof condition === 'string' ? undefined : condition;
}

/** The stores' form of a `segmentOf` condition: the trait and its typed candidates, or its comparison. */
export function traitSegmentOf(segment: TraitCondition | undefined): TraitSegment | TraitComparisonSegment | undefined {
  switch (segment?.op) {
    case 'equals':
      return segment.value === null ? undefined : { kind: 'trait', trait: segment.trait, values: [segment.value] };
    case 'in':
      return { kind: 'trait', trait: segment.trait, values: segment.values.flatMap((value) => (value === null ? [] : [value])) };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { kind: 'trait-number', trait: segment.trait, op: segment.op, value: segment.value };
    case 'before':
    case 'after':
      // Validated as a date (UTC midnight for Date.parse) or a date-time with offset.
      return { kind: 'trait-instant', trait: segment.trait, op: segment.op, ms: Date.parse(segment.value) };
    default:
      return undefined;
  }
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
 * `holdout` and `exposed` (the program's randomized holdout, drawn by the buckets stored with each
 * user and account, and the rest of the identified users; see domain/rewards/holdout.ts): under the
 * account unit the held-out users are the members of a held-out account, the exposed ones the other
 * members of accounts. `users` is a list of user ids, `negate` its complement among identified users.
 */
export type KpiSegment =
  | TraitSegment
  | TraitComparisonSegment
  | { kind: 'first-seen'; fromMs: number | null; toMs: number }
  | { kind: 'at-risk'; days: number }
  | { kind: 'member' }
  | { kind: 'non-member' }
  | { kind: 'users'; ids: readonly string[]; negate: boolean }
  | { kind: 'holdout'; group: 'holdout' | 'exposed'; percent: number; unit: 'user' | 'account' };
