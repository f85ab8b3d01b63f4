import type { KpiSegment } from '../../kpi/segment.js';
import { heldBelow } from '../../domain/rewards/holdout.js';
import { AT_RISK_LOOKBACK_DAYS } from '../../kpi/segment.js';
import { epochMs } from '../sql/dialect.js';
import type { Dialect } from '../sql/runner.js';
import { dayOf } from './rollup-sql.js';

/**
 * The one segment filter of the KPI statements, written once for both stores: a `segment` CTE
 * listing the segment's subjects (`u:<user id>`, as the rollup keys them) as they stand at the
 * range's end @to. A statement that is segmented starts `WITH segment AS MATERIALIZED (…)` and
 * keeps only the subjects in it; its text depends on the segment's kind, its values are parameters.
 */
export type SegmentKind = KpiSegment['kind'];

const int = (name: string) => `CAST(@${name} AS bigint)`;

/** The traits column `traits` (a user's or an account's) has trait @segTrait equal (typed) to an element of the JSON array @segValues. */
const TRAIT_EQUALS: Record<Dialect, (traits: string) => string> = {
  // Same type family and same value: 5 matches 5.0 (integer/real), never the text "5" or true (1).
  sqlite: (traits) => `EXISTS (SELECT 1 FROM json_each(${traits}) j JOIN json_each(@segValues) v ON j.value = v.value
    AND (j.type = v.type OR (j.type IN ('integer', 'real') AND v.type IN ('integer', 'real'))) WHERE j.key = @segTrait)`,
  // jsonb equality is typed: 5 = 5.0, never "5" or true.
  postgres: (traits) => `${traits} -> CAST(@segTrait AS text) IN (SELECT value FROM jsonb_array_elements(CAST(@segValues AS jsonb)))`,
};

/** `x` compared with `y` by the segment's operator @segOp (`before` is `<`, `after` is `>`). */
const compared = (x: string, y: string) =>
  `CASE CAST(@segOp AS text) WHEN 'gt' THEN ${x} > ${y} WHEN 'gte' THEN ${x} >= ${y} WHEN 'lt' THEN ${x} < ${y}
    WHEN 'lte' THEN ${x} <= ${y} WHEN 'before' THEN ${x} < ${y} WHEN 'after' THEN ${x} > ${y} END`;

/**
 * The instant an ISO 8601 text `v` stands for, in epoch ms, read alike by both stores: a date
 * (`2026-01-31`, UTC midnight) or a date-time with seconds (`2026-01-31T12:00:00`, UTC when
 * without offset), then up to 3 fraction digits and `Z` or an offset up to ±14:59. Any other text,
 * an impossible date (`2026-02-30`) or year 0000 stands for none (null): SQLite would roll it over
 * and PostgreSQL refuse it.
 */
const ISO_INSTANT: Record<Dialect, (v: string) => string> = {
  sqlite: (v) => {
    const tail = `substr(${v}, 20)`;
    const zone = `CASE WHEN ${tail} GLOB '.[0-9]*' THEN ltrim(substr(${tail}, 2), '0123456789') ELSE ${tail} END`;
    return `CASE WHEN ${v} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' AND substr(${v}, 1, 4) <> '0000'
      AND date(substr(${v}, 1, 10)) = substr(${v}, 1, 10)
      AND (length(${v}) = 10 OR (substr(${v}, 11, 1) = 'T' AND substr(${v}, 12, 8) GLOB '[0-2][0-9]:[0-5][0-9]:[0-5][0-9]'
        AND substr(${v}, 12, 2) <= '23' AND (substr(${tail}, 1, 1) <> '.' OR length(${tail}) - length(${zone}) BETWEEN 2 AND 4)
        AND (${zone} IN ('', 'Z') OR (${zone} GLOB '[+-][01][0-9]:[0-5][0-9]' AND substr(${zone}, 2, 2) <= '14'))))
      THEN round(unixepoch(${v}, 'subsec') * 1000) END`;
  },
  // Nested CASEs: the casts run only on text the pattern and the month's length admit.
  postgres: (
    v,
  ) => `CASE WHEN ${v} ~ '^(?!0000)\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(T([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,3})?(Z|[+-](0\\d|1[0-4]):[0-5]\\d)?)?$'
    THEN CASE WHEN CAST(substr(${v}, 9, 2) AS int) <= extract(day from CAST(substr(${v}, 1, 8) || '01' AS date) + interval '1 month' - interval '1 day')
      THEN floor(extract(epoch from CAST(CASE WHEN length(${v}) = 10 THEN ${v} || 'T00:00:00Z' WHEN ${v} ~ '(Z|[+-]\\d\\d:\\d\\d)$' THEN ${v}
        ELSE ${v} || 'Z' END AS timestamptz)) * 1000) END END`,
};

/**
 * The traits column `traits` has trait @segTrait compared by @segOp with @segNumber (a JSON
 * number's text): only a JSON number compares, never the text "10" or a boolean.
 */
const TRAIT_NUMBER: Record<Dialect, (traits: string) => string> = {
  sqlite: (traits) => `EXISTS (SELECT 1 FROM json_each(${traits}) j WHERE j.key = @segTrait AND j.type IN ('integer', 'real')
    AND ${compared('j.value', 'CAST(@segNumber AS NUMERIC)')})`,
  postgres: (traits) => `CASE WHEN jsonb_typeof(${traits} -> CAST(@segTrait AS text)) = 'number'
    THEN ${compared(`CAST(${traits} ->> CAST(@segTrait AS text) AS numeric)`, 'CAST(@segNumber AS numeric)')} ELSE false END`,
};

/**
 * The traits column `traits` has trait @segTrait, an instant, before or after @segMs (epoch ms):
 * a JSON number is epoch ms (as the targeting rules read it), a text is ISO 8601 (`ISO_INSTANT`).
 */
const TRAIT_INSTANT: Record<Dialect, (traits: string) => string> = {
  sqlite: (traits) => `EXISTS (SELECT 1 FROM json_each(${traits}) j WHERE j.key = @segTrait
    AND ${compared(`CASE WHEN j.type IN ('integer', 'real') THEN j.value WHEN j.type = 'text' THEN ${ISO_INSTANT.sqlite('j.value')} END`, int('segMs'))})`,
  postgres: (traits) => {
    const value = `${traits} -> CAST(@segTrait AS text)`;
    const text = `(${traits} ->> CAST(@segTrait AS text))`;
    return `COALESCE(${compared(
      `CASE jsonb_typeof(${value}) WHEN 'number' THEN CAST(${text} AS numeric) WHEN 'string' THEN ${ISO_INSTANT.postgres(text)} END`,
      int('segMs'),
    )}, false)`;
  },
};

/** The traits column `traits` matches the segment's trait condition (equality or comparison). */
const traitMatch = (d: Dialect, kind: 'trait' | 'trait-number' | 'trait-instant', traits: string) =>
  ({ trait: TRAIT_EQUALS, 'trait-number': TRAIT_NUMBER, 'trait-instant': TRAIT_INSTANT })[kind][d](traits);

/** The user ids of the JSON array @segUsers. */
const LISTED: Record<Dialect, string> = {
  sqlite: 'SELECT value FROM json_each(@segUsers)',
  postgres: 'SELECT jsonb_array_elements_text(CAST(@segUsers AS jsonb))',
};

/**
 * The user ids the holdout segment lists (then negated when @segNegate = 1): the held-out users
 * (their bucket, or under the account unit (@segUnit) an account of theirs, under @segHeldBelow);
 * with @segExposedMembers = 1 (exposed, account unit) the other members of accounts instead.
 */
const HELD_USERS = `SELECT h.user_id FROM users h WHERE h.project_id = @projectId AND CAST(@segUnit AS text) = 'user'
    AND h.holdout_bucket < ${int('segHeldBelow')}
  UNION ALL SELECT hm.user_id FROM account_members hm JOIN accounts ha ON ha.project_id = hm.project_id AND ha.account_id = hm.account_id
    WHERE hm.project_id = @projectId AND CAST(@segUnit AS text) = 'account' AND ha.holdout_bucket < ${int('segHeldBelow')}`;
const HOLDOUT_LISTED = `SELECT user_id FROM (${HELD_USERS}) held WHERE ${int('segExposedMembers')} = 0
  UNION ALL SELECT em.user_id FROM account_members em WHERE ${int('segExposedMembers')} = 1 AND em.project_id = @projectId
    AND em.user_id NOT IN (${HELD_USERS})`;

/** A user earned points before @to: the program's membership rule. */
export const memberOf = (d: Dialect, user: string) =>
  `EXISTS (SELECT 1 FROM reward_entries r WHERE r.project_id = @projectId AND r.user_id = ${user} AND r.amount > 0
    AND ${epochMs(d, 'r.created_at')} < ${int('to')})`;

/** The segment's subjects, as the body of the `segment` CTE. */
function segmentBody(d: Dialect, kind: SegmentKind): string {
  const users = (where: string) => `SELECT 'u:' || u.user_id AS subject FROM users u WHERE u.project_id = @projectId AND ${where}`;
  switch (kind) {
    case 'trait':
    case 'trait-number':
    case 'trait-instant':
      return users(traitMatch(d, kind, 'u.traits'));
    case 'first-seen':
      return users(
        `(CAST(@segFrom AS bigint) IS NULL OR ${epochMs(d, 'u.first_seen')} >= ${int('segFrom')}) AND ${epochMs(d, 'u.first_seen')} < ${int('segTo')}`,
      );
    case 'member':
      return users(memberOf(d, 'u.user_id'));
    case 'non-member':
      return users(`NOT ${memberOf(d, 'u.user_id')}`);
    // The listed users, or (@segNegate = 1) the project's other identified users.
    case 'users':
    case 'holdout':
      return users(`(u.user_id IN (${kind === 'users' ? LISTED[d] : HOLDOUT_LISTED})) = (${int('segNegate')} = 0)`);
    // Identified users with a rollup day in the lookback and none in the last N whole days.
    case 'at-risk':
      return `SELECT subject FROM kpi_activity_days WHERE project_id = @projectId AND substr(subject, 1, 2) = 'u:'
        AND day >= ${int('riskLo')} AND day < ${int('riskMid')}
      EXCEPT SELECT subject FROM kpi_activity_days WHERE project_id = @projectId AND day >= ${int('riskMid')} AND day < ${int('riskHi')}`;
  }
}

/**
 * The segment's accounts (revenue is per account), as the body of the `segment_accounts` CTE. An
 * account is judged by its own facts where it has them: its trusted traits (`trait`, and
 * `lifecycle:trial` as trait plan = "trial") and its age (`new`, `long-time`): since the earliest
 * of its first appearance in Hearth (`accounts.created_at`) and its first revenue fact, so a
 * customer billed for years before the host connected Hearth is long-time, and an account known
 * only from its revenue still has an age. The other segments are about people, so an account is
 * judged by its members taken together: at risk when one of them was active in the lookback and
 * none in the last N days; a program member when one of them earned points before @to
 * (`non-member`: none did); in a listed group (or the holdout's) when it has members and all are
 * listed, and in its complement (@segNegate = 1) when one member is not listed.
 */
function accountSegmentBody(d: Dialect, kind: SegmentKind): string {
  const accounts = (where: string) => `SELECT a.account_id FROM accounts a WHERE a.project_id = @projectId AND ${where}`;
  const aMember = (where: string) =>
    `EXISTS (SELECT 1 FROM account_members m WHERE m.project_id = @projectId AND m.account_id = a.account_id AND ${where})`;
  const activeIn = (lo: string, hi: string) =>
    aMember(`EXISTS (SELECT 1 FROM kpi_activity_days k WHERE k.project_id = @projectId AND k.subject = 'u:' || m.user_id
      AND k.day >= ${int(lo)} AND k.day < ${int(hi)})`);
  switch (kind) {
    case 'trait':
    case 'trait-number':
    case 'trait-instant':
      return accounts(traitMatch(d, kind, 'a.traits'));
    // A customer since its first appearance: in Hearth, or in its revenue (billed before the account's row).
    case 'first-seen':
      return `SELECT account_id FROM (
          SELECT a.account_id, ${epochMs(d, 'a.created_at')} AS since FROM accounts a WHERE a.project_id = @projectId
          UNION ALL SELECT f.customer_id, ${epochMs(d, 'f.occurred_at')} FROM revenue_facts f
          WHERE f.project_id = @projectId AND f.customer_kind = 'account') firsts
        GROUP BY account_id HAVING (CAST(@segFrom AS bigint) IS NULL OR MIN(since) >= ${int('segFrom')}) AND MIN(since) < ${int('segTo')}`;
    case 'member':
      return accounts(aMember(memberOf(d, 'm.user_id')));
    case 'non-member':
      return accounts(`NOT ${aMember(memberOf(d, 'm.user_id'))}`);
    case 'users':
    case 'holdout': {
      const unlisted = aMember(`m.user_id NOT IN (${kind === 'users' ? LISTED[d] : HOLDOUT_LISTED})`);
      return accounts(`CASE WHEN ${int('segNegate')} = 0 THEN ${aMember('1 = 1')} AND NOT ${unlisted} ELSE ${unlisted} END`);
    }
    case 'at-risk':
      return accounts(`${activeIn('riskLo', 'riskMid')} AND NOT ${activeIn('riskMid', 'riskHi')}`);
  }
}

/** `segment_accounts AS MATERIALIZED (…)`: the accounts of the segment (see `accountSegmentBody`). */
export function accountSegmentCte(d: Dialect, kind: SegmentKind): string {
  return `segment_accounts AS MATERIALIZED (${accountSegmentBody(d, kind)})`;
}

/** `segment AS MATERIALIZED (…)`, the CTE a segmented statement starts with. */
export function segmentCte(d: Dialect, kind: SegmentKind): string {
  return `segment AS MATERIALIZED (${segmentBody(d, kind)})`;
}

/** The parameters of `segmentCte` for `segment` at the range's end `to` (all named, unused ones null). */
export function segmentParams(segment: KpiSegment | undefined, to: number): Record<string, unknown> {
  const params: Record<string, unknown> = { segKind: segment?.kind ?? null };
  if (!segment) return params;
  switch (segment.kind) {
    case 'trait':
      return { ...params, segTrait: segment.trait, segValues: JSON.stringify(segment.values) };
    case 'trait-number':
      return { ...params, segTrait: segment.trait, segOp: segment.op, segNumber: String(segment.value) };
    case 'trait-instant':
      return { ...params, segTrait: segment.trait, segOp: segment.op, segMs: segment.ms };
    case 'first-seen':
      return { ...params, segFrom: segment.fromMs, segTo: segment.toMs };
    case 'users':
      return { ...params, segUsers: JSON.stringify(segment.ids), segNegate: segment.negate ? 1 : 0 };
    case 'holdout': {
      const exposed = segment.group === 'exposed';
      return {
        ...params,
        segUnit: segment.unit,
        // Integer buckets: below a fractional bound is below its ceiling, alike on both stores.
        segHeldBelow: Math.ceil(heldBelow(segment.percent)),
        segExposedMembers: exposed && segment.unit === 'account' ? 1 : 0,
        segNegate: exposed && segment.unit === 'user' ? 1 : 0,
      };
    }
    case 'at-risk': {
      const today = dayOf(to);
      return { ...params, riskLo: today - segment.days - AT_RISK_LOOKBACK_DAYS, riskMid: today - segment.days, riskHi: today };
    }
    default:
      return params;
  }
}
