import type { AccountTraitCondition, JsonValue, TraitCondition } from '@hearth/schema';
import { DAY_MS, parseInstant } from '../time.js';
import { show, type Check } from './check.js';

type Traits = Readonly<Record<string, JsonValue>>;
/** A condition on a user's or an account's traits: the same operators, the same typed comparisons. */
type AnyTraitCondition = TraitCondition | AccountTraitCondition;

/** Text of the condition itself, e.g. `trait "plan" equals "pro"` or `account trait "seats" < 5`. */
export function describeTrait(condition: AnyTraitCondition): string {
  const name = `${condition.type === 'accountTrait' ? 'account trait' : 'trait'} ${show(condition.trait)}`;
  switch (condition.op) {
    case 'exists':
      return `${name} exists`;
    case 'in':
      return `${name} is one of ${condition.values.map(show).join(', ')}`;
    case 'withinDays':
      return `${name} is a date within the ${condition.direction === 'past' ? 'last' : 'next'} ${condition.days} days`;
    case 'notEquals':
      return `${name} does not equal ${show(condition.value)}`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `${name} ${{ gt: '>', gte: '≥', lt: '<', lte: '≤' }[condition.op]} ${condition.value}`;
    default:
      return `${name} ${condition.op} ${show(condition.value)}`;
  }
}

function compareNumbers(op: 'gt' | 'gte' | 'lt' | 'lte', actual: number, expected: number): boolean {
  if (op === 'gt') return actual > expected;
  if (op === 'gte') return actual >= expected;
  if (op === 'lt') return actual < expected;
  return actual <= expected;
}

function dateTest(condition: AnyTraitCondition, at: number, now: number): boolean {
  if (condition.op === 'before' || condition.op === 'after') {
    // Schema-validated, so the configured instant always parses.
    const limit = parseInstant(condition.value) ?? Number.NaN;
    return condition.op === 'before' ? at < limit : at > limit;
  }
  if (condition.op !== 'withinDays') return false;
  const span = condition.days * DAY_MS;
  return condition.direction === 'past' ? at <= now && at >= now - span : at >= now && at <= now + span;
}

/** Why a present value fails, when the reason is its type rather than its value. */
function typeProblem(condition: AnyTraitCondition, value: JsonValue): string | null {
  if (['gt', 'gte', 'lt', 'lte'].includes(condition.op) && typeof value !== 'number') return 'is not a number';
  if (['before', 'after', 'withinDays'].includes(condition.op) && parseInstant(value) === null) {
    return 'is not an ISO 8601 date or epoch milliseconds';
  }
  return null;
}

function test(condition: AnyTraitCondition, value: JsonValue, now: number): boolean {
  switch (condition.op) {
    case 'equals':
      return value === condition.value;
    case 'notEquals':
      return value !== condition.value;
    case 'in':
      return condition.values.includes(value as never);
    case 'contains':
      if (Array.isArray(value)) return value.includes(condition.value);
      return typeof value === 'string' && typeof condition.value === 'string' && value.includes(condition.value);
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof value === 'number' && compareNumbers(condition.op, value, condition.value);
    case 'exists':
      return value !== null;
    default: {
      const at = parseInstant(value);
      return at !== null && dateTest(condition, at, now);
    }
  }
}

/**
 * Evaluates one trait condition against the traits of `whose` ("the user", or "account \"acme\""). A
 * missing trait fails every operator except `notEquals` (a user without a plan is not on the "pro"
 * plan); `null` counts as missing for `exists`.
 */
export function evaluateTrait(condition: AnyTraitCondition, traits: Traits, now: Date, whose = 'the user'): Check {
  const description = describeTrait(condition);
  if (!Object.hasOwn(traits, condition.trait)) {
    const ok = condition.op === 'notEquals';
    return { ok, reason: `${description}: ${whose} has no ${show(condition.trait)} trait` };
  }
  const value = traits[condition.trait] as JsonValue;
  const ok = test(condition, value, now.getTime());
  const problem = ok ? null : typeProblem(condition, value);
  const actual = problem ? `${show(value)} ${problem}` : `${whose}'s value is ${show(value)}`;
  return { ok, reason: `${description}: ${actual}` };
}
