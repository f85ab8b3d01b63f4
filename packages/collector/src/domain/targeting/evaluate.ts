import type {
  AccountActiveMembersRule,
  AccountTraitCondition,
  AudienceRule,
  BehaviorRule,
  LeafRule,
  LifecycleRule,
  LocaleRule,
  SampleRule,
} from '@hearth/schema';
import { DAY_MS, formatDays } from '../time.js';
import { show, type Check } from './check.js';
import type { UserFacts } from './facts.js';
import { inSample, sampleBucket } from './sampling.js';
import { describeTrait, evaluateTrait } from './trait.js';

/** One leaf rule that decided the outcome; `path` points into the rule tree (`rules.1.rule`). */
export interface RuleCheck extends Check {
  path: string;
}

export interface AudienceResult {
  matched: boolean;
  /** Sentences for the rules that decided the outcome: why it matched, or why it did not. */
  reasons: string[];
  checks: RuleCheck[];
}

export interface AudienceOptions {
  /** Salt for sample rules without their own `salt`: the prompt id. */
  promptId: string;
}

function times(n: number): string {
  return `${n} ${n === 1 ? 'time' : 'times'}`;
}

function evaluateBehavior(rule: BehaviorRule, facts: UserFacts): Check {
  const count = facts.countEvents(rule.event, rule.withinDays ?? null);
  const window = rule.withinDays === undefined ? 'ever' : `in the last ${rule.withinDays} days`;
  const did = `the user did it ${times(count)}`;
  if (rule.op === 'never') return { ok: count === 0, reason: `never did ${show(rule.event)} ${window}: ${did}` };
  const ok = rule.op === 'atLeast' ? count >= rule.count : count <= rule.count;
  const bound = rule.op === 'atLeast' ? 'at least' : 'at most';
  return { ok, reason: `did ${show(rule.event)} ${bound} ${times(rule.count)} ${window}: ${did}` };
}

/** An account trait condition: like a user trait, on the active account's (host-vouched) traits. */
function evaluateAccountTrait(rule: AccountTraitCondition, facts: UserFacts, now: Date): Check {
  const account = facts.account();
  if (!account) {
    return { ok: rule.op === 'notEquals', reason: `${describeTrait(rule)}: the user is in no account` };
  }
  return evaluateTrait(rule, account.traits, now, `account ${show(account.accountId)}`);
}

const COMPARE = { gt: '>', gte: '≥', lt: '<', lte: '≤' } as const;

function evaluateActiveMembers(rule: AccountActiveMembersRule, facts: UserFacts): Check {
  const label = `active members of the account in the last ${rule.withinDays} days ${COMPARE[rule.op]} ${rule.count}`;
  const active = facts.activeMembers(rule.withinDays);
  if (active === null) return { ok: false, reason: `${label}: the user is in no account` };
  const ok = { gt: active > rule.count, gte: active >= rule.count, lt: active < rule.count, lte: active <= rule.count }[rule.op];
  return { ok, reason: `${label}: ${active} ${active === 1 ? 'member was' : 'members were'} active` };
}

/** Elapsed time compared in ms: "exactly N days" satisfies both `gte N` and `lte N`. */
function evaluateLifecycle(rule: LifecycleRule, facts: UserFacts, now: Date): Check {
  const first = rule.measure === 'daysSinceFirstSeen';
  const label = `days since ${first ? 'first' : 'last'} seen ${rule.op === 'gte' ? '≥' : '≤'} ${rule.days}`;
  const seen = first ? facts.firstSeen : facts.lastSeen;
  if (!seen) return { ok: false, reason: `${label}: the user has no ${first ? 'first' : 'last'}-seen date` };
  const elapsed = now.getTime() - seen.getTime();
  const limit = rule.days * DAY_MS;
  const ok = rule.op === 'gte' ? elapsed >= limit : elapsed <= limit;
  return { ok, reason: `${label}: ${formatDays(elapsed)} have passed` };
}

/** `ar` matches `ar-SA`; `ar-SA` does not match `ar` or `ar-EG`. Case- and `_`/`-`-insensitive. */
export function localeMatches(userLocale: string, ruleLocale: string): boolean {
  const user = userLocale.toLowerCase().replace(/_/g, '-');
  const rule = ruleLocale.toLowerCase();
  return user === rule || user.startsWith(`${rule}-`);
}

function evaluateLocale(rule: LocaleRule, facts: UserFacts): Check {
  const label = `locale is one of ${rule.in.join(', ')}`;
  if (!facts.locale) return { ok: false, reason: `${label}: the user's locale is unknown` };
  const locale = facts.locale;
  return { ok: rule.in.some((tag) => localeMatches(locale, tag)), reason: `${label}: the user's locale is ${locale}` };
}

function evaluateSample(rule: SampleRule, facts: UserFacts, options: AudienceOptions): Check {
  const salt = rule.salt ?? options.promptId;
  const bucket = sampleBucket(salt, facts.userId);
  return {
    ok: inSample(rule.percent, salt, facts.userId),
    reason: `in a ${rule.percent}% sample: the user's bucket is ${bucket} of 10000 (in below ${rule.percent * 100})`,
  };
}

function evaluateLeaf(rule: LeafRule, facts: UserFacts, now: Date, options: AudienceOptions): Check {
  switch (rule.type) {
    case 'trait':
      return evaluateTrait(rule, facts.traits, now);
    case 'accountTrait':
      return evaluateAccountTrait(rule, facts, now);
    case 'accountActiveMembers':
      return evaluateActiveMembers(rule, facts);
    case 'behavior':
      return evaluateBehavior(rule, facts);
    case 'lifecycle':
      return evaluateLifecycle(rule, facts, now);
    case 'locale':
      return evaluateLocale(rule, facts);
    case 'sample':
      return evaluateSample(rule, facts, options);
  }
}

interface NodeResult {
  matched: boolean;
  /** Leaf checks that explain `matched`. */
  decisive: RuleCheck[];
}

/** Evaluates every child (no short-circuit) so an explanation lists every failing rule. */
function evaluateNode(rule: AudienceRule, path: string, facts: UserFacts, now: Date, options: AudienceOptions): NodeResult {
  const at = (suffix: string) => (path ? `${path}.${suffix}` : suffix);
  if (rule.type === 'not') {
    const inner = evaluateNode(rule.rule, at('rule'), facts, now, options);
    const decisive = inner.decisive.map((check) => ({ ...check, ok: !check.ok, reason: `NOT (${check.reason})` }));
    return { matched: !inner.matched, decisive };
  }
  if (rule.type === 'all' || rule.type === 'any') {
    const children = rule.rules.map((child, i) => evaluateNode(child, at(`rules.${i}`), facts, now, options));
    const matched = rule.type === 'all' ? children.every((c) => c.matched) : children.some((c) => c.matched);
    // A matched `all` is explained by every child, a failed one by its failing children; the
    // reverse for `any`.
    const relevant = (rule.type === 'all') === matched ? children : children.filter((c) => c.matched === matched);
    return { matched, decisive: relevant.flatMap((c) => c.decisive) };
  }
  const check = evaluateLeaf(rule, facts, now, options);
  return { matched: check.ok, decisive: [{ ...check, path: path || '(root)' }] };
}

/** Does this user belong to the audience? No rule means everyone. Pure: `now` is injected. */
export function evaluateAudience(rule: AudienceRule | undefined, facts: UserFacts, now: Date, options: AudienceOptions): AudienceResult {
  if (!rule) return { matched: true, reasons: ['no audience rules: everyone is in the audience'], checks: [] };
  const { matched, decisive } = evaluateNode(rule, '', facts, now, options);
  return { matched, reasons: decisive.map((check) => check.reason), checks: decisive };
}
