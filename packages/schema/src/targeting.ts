import { z } from 'zod';
import { eventNameSchema } from './event.js';

/**
 * Audience rules: who may see a prompt. Evaluated only on the collector against stored traits and
 * events, so rules (and other audiences' content) never reach the browser.
 * All day counts are rolling 24-hour periods measured from "now", never calendar days, so results do
 * not depend on the server's or the user's time zone.
 */

/** BCP 47-ish language tag (`en`, `ar-SA`, `nb-NO`, `zh-Hant-TW`); compared case-insensitively. */
export const localeTagSchema = z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'locales look like "en" or "ar-SA"');

const traitName = z.string().min(1, 'trait must not be empty').max(200);
const scalar = z.union([z.string().max(1_000), z.number(), z.boolean(), z.null()]);
/** An instant: ISO 8601 with offset, or a date alone (read as UTC midnight). */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], {
  error: 'expected an ISO 8601 date ("2026-01-31") or date-time with offset',
});
const days = z.number().positive('days must be greater than 0').max(3_650);

/**
 * The operators of a trait condition, on a trait of the user (`trait`) or of the user's active
 * account (`accountTrait`). Values keep their JSON type: `gt` 3 compares a number with a number, and
 * `equals` "3" does not match the number 3.
 */
const traitOperators = <Type extends 'trait' | 'accountTrait'>(type: Type) => {
  const trait = <Op extends string, Shape extends z.ZodRawShape>(op: Op, shape: Shape) =>
    z.object({ type: z.literal(type), trait: traitName, op: z.literal(op), ...shape });
  return z.discriminatedUnion('op', [
    trait('equals', { value: scalar }),
    trait('notEquals', { value: scalar }),
    trait('in', { values: z.array(scalar).min(1, 'values needs at least one value').max(500) }),
    /** Substring of a string trait, or member of an array trait. */
    trait('contains', { value: scalar }),
    trait('gt', { value: z.number() }),
    trait('gte', { value: z.number() }),
    trait('lt', { value: z.number() }),
    trait('lte', { value: z.number() }),
    trait('exists', {}),
    trait('before', { value: instant }),
    trait('after', { value: instant }),
    /** The trait's date lies within `days` before now (`past`) or after now (`future`). */
    trait('withinDays', { days, direction: z.enum(['past', 'future']).default('past') }),
  ]);
};

/** A condition on one top-level user trait. A missing trait fails every operator but `notEquals`. */
export const traitConditionSchema = traitOperators('trait');

/**
 * A condition on one trait of the user's active account (docs/accounts.md: the account the user
 * last made active). Account traits are only ever those the host signed in a group token or set
 * with the secret key, so a page cannot talk its way into an account audience. A user in no
 * account, or whose account lacks the trait, fails every operator but `notEquals`.
 */
export const accountTraitConditionSchema = traitOperators('accountTrait');

const behaviorBase = {
  type: z.literal('behavior'),
  event: eventNameSchema,
  /** Only events of the last `withinDays` × 24 h count; absent means ever. */
  withinDays: days.optional(),
};
const count = z.number().int('count must be a whole number').nonnegative('count must not be negative');

/** "Did event X at least / at most N times in the last D days", or never. */
export const behaviorRuleSchema = z.discriminatedUnion('op', [
  z.object({ ...behaviorBase, op: z.literal('atLeast'), count }),
  z.object({ ...behaviorBase, op: z.literal('atMost'), count }),
  z.object({ ...behaviorBase, op: z.literal('never') }),
]);

/**
 * "The user's active account has fewer than 3 members active in the last 7 days": members of the
 * account with any event in the last `withinDays` × 24 h (the user included), compared with
 * `count`. A user in no account fails it.
 */
export const accountActiveMembersRuleSchema = z.object({
  type: z.literal('accountActiveMembers'),
  op: z.enum(['gt', 'gte', 'lt', 'lte']),
  count,
  withinDays: days,
});

/** Days since first seen (tenure) or since last seen (inactivity), as elapsed 24-hour periods. */
export const lifecycleRuleSchema = z.object({
  type: z.literal('lifecycle'),
  measure: z.enum(['daysSinceFirstSeen', 'daysSinceLastSeen']),
  op: z.enum(['gte', 'lte']),
  days: z.number().nonnegative('days must not be negative').max(3_650),
});

/** The user's locale is one of these; a bare language matches its regions (`ar` ~ `ar-SA`). */
export const localeRuleSchema = z.object({
  type: z.literal('locale'),
  in: z.array(localeTagSchema).min(1, 'in needs at least one locale').max(100),
});

/** A stable share of users: the same user always lands in or out for the same salt. */
export const sampleRuleSchema = z.object({
  type: z.literal('sample'),
  percent: z.number().min(0, 'percent must be 0–100').max(100, 'percent must be 0–100'),
  /** Defaults to the prompt id; give two prompts one salt to sample the same users. */
  salt: z.string().min(1).max(200).optional(),
});

export type TraitCondition = z.infer<typeof traitConditionSchema>;
export type AccountTraitCondition = z.infer<typeof accountTraitConditionSchema>;
export type AccountActiveMembersRule = z.infer<typeof accountActiveMembersRuleSchema>;
export type BehaviorRule = z.infer<typeof behaviorRuleSchema>;
export type LifecycleRule = z.infer<typeof lifecycleRuleSchema>;
export type LocaleRule = z.infer<typeof localeRuleSchema>;
export type SampleRule = z.infer<typeof sampleRuleSchema>;
export type LeafRule =
  TraitCondition | AccountTraitCondition | AccountActiveMembersRule | BehaviorRule | LifecycleRule | LocaleRule | SampleRule;
/** Recursive types cannot be inferred through getters, so this one union is written out. */
export type AudienceRule =
  LeafRule | { type: 'all'; rules: AudienceRule[] } | { type: 'any'; rules: AudienceRule[] } | { type: 'not'; rule: AudienceRule };

const MAX_RULES_PER_GROUP = 50;
/** Deeper trees are unreadable and invite abuse of the evaluator. */
export const MAX_AUDIENCE_DEPTH = 6;

const ruleList = () => z.array(audienceRuleSchema).min(1, 'rules needs at least one rule').max(MAX_RULES_PER_GROUP);

export const audienceRuleSchema: z.ZodType<AudienceRule> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('all'), rules: ruleList() }),
    z.object({ type: z.literal('any'), rules: ruleList() }),
    z.object({ type: z.literal('not'), rule: audienceRuleSchema }),
    traitConditionSchema,
    accountTraitConditionSchema,
    accountActiveMembersRuleSchema,
    behaviorRuleSchema,
    lifecycleRuleSchema,
    localeRuleSchema,
    sampleRuleSchema,
  ]),
);

function depthOf(rule: AudienceRule): number {
  if (rule.type === 'all' || rule.type === 'any') return 1 + Math.max(...rule.rules.map(depthOf));
  if (rule.type === 'not') return 1 + depthOf(rule.rule);
  return 1;
}

/** An audience as configured on a prompt: a rule tree no deeper than `MAX_AUDIENCE_DEPTH`. */
export const audienceSchema = audienceRuleSchema.refine((rule) => depthOf(rule) <= MAX_AUDIENCE_DEPTH, {
  message: `audience rules may nest at most ${MAX_AUDIENCE_DEPTH} levels`,
});

/**
 * Triggers decide *when* an eligible prompt appears; they run in the browser. A prompt shows when
 * any of its triggers fires.
 */
export const triggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('load') }),
  /** The user tracked `name` (at least `minCount` times in this page session). */
  z.object({ type: z.literal('event'), name: eventNameSchema, minCount: z.number().int().min(1).optional() }),
  /** The current URL path matches, re-checked on every SPA navigation. */
  z
    .object({ type: z.literal('url'), match: z.enum(['glob', 'regex']).default('glob'), pattern: z.string().min(1).max(500) })
    .refine((t) => t.match !== 'regex' || isValidRegex(t.pattern), {
      message: 'pattern is not a valid regular expression',
      path: ['pattern'],
    }),
  /** `ms` milliseconds after the page loads (cancelled when the user navigates away first). */
  z.object({ type: z.literal('delay'), ms: z.number().int().min(0).max(600_000, 'ms must be at most 600000 (10 minutes)') }),
]);

function isValidRegex(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

export type Trigger = z.infer<typeof triggerSchema>;
