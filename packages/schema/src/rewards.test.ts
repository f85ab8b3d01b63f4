import { describe, expect, it } from 'vitest';
import { toErrorIssues } from './error-body.js';
import { earningRuleSchema, pointsRequestSchema, rewardsConfigSchema } from './rewards.js';

const issues = (result: { success: boolean; error?: Parameters<typeof toErrorIssues>[0] }) =>
  result.error ? toErrorIssues(result.error) : [];

describe('rewards config', () => {
  it('defaults an event rule to server-verified events only', () => {
    const rule = earningRuleSchema.parse({
      id: 'export',
      title: 'Export a report',
      on: { type: 'event', event: 'report_exported' },
      points: 10,
    });
    expect(rule.on).toEqual({ type: 'event', event: 'report_exported', source: 'server' });
    expect(rule.caps.oncePerUser).toBe(false);
  });

  it('refuses a client-fed rule without a cap, naming the field', () => {
    const result = earningRuleSchema.safeParse({
      id: 'click',
      title: 'Click',
      on: { type: 'event', event: 'clicked', source: 'client' },
      points: 1,
    });
    expect(issues(result)).toEqual([{ path: 'caps', message: expect.stringContaining('needs a cap') }]);
    const capped = earningRuleSchema.safeParse({
      id: 'click',
      title: 'Click',
      on: { type: 'event', event: 'clicked', source: 'client' },
      points: 1,
      caps: { perDay: 3 },
    });
    expect(capped.success).toBe(true);
  });

  it('refuses duplicate ids and badges naming unknown rules', () => {
    const result = rewardsConfigSchema.safeParse({
      rules: [
        { id: 'a', title: 'A', on: { type: 'surveyAnswered' }, points: 5 },
        { id: 'a', title: 'A again', on: { type: 'checklistComplete' }, points: 5 },
      ],
      badges: [{ id: 'b', name: 'B', unlock: { type: 'rule', ruleId: 'missing', count: 2 } }],
    });
    expect(
      issues(result)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['badges.0.unlock.ruleId', 'rules.1.id']);
  });

  it('takes translations of rule, badge, tier and catalog texts, and refuses ones for unknown entries', () => {
    const program = {
      rules: [{ id: 'export', title: 'Export a report', on: { type: 'surveyAnswered' }, points: 5 }],
      tiers: [{ id: 'gold', name: 'Gold', minPoints: 500, perks: ['Priority support'] }],
      catalog: [{ id: 'mug', name: 'Mug', cost: 50 }],
    };
    const good = rewardsConfigSchema.safeParse({
      ...program,
      translations: {
        ar: {
          rules: { export: { title: 'صدّر تقريرًا' } },
          tiers: { gold: { name: 'ذهبي', perks: ['دعم ذو أولوية'] } },
          catalog: { mug: { name: 'كوب' } },
        },
      },
    });
    expect(good.success).toBe(true);
    const stray = rewardsConfigSchema.safeParse({
      ...program,
      translations: { ar: { catalog: { ghost: { name: 'شبح' } }, badges: { none: { name: 'x' } } } },
    });
    expect(issues(stray)).toEqual(
      expect.arrayContaining([
        { path: 'translations.ar.catalog.ghost', message: 'no catalog entry "ghost"' },
        { path: 'translations.ar.badges.none', message: 'no badges entry "none"' },
      ]),
    );
    expect(rewardsConfigSchema.safeParse({ ...program, translations: { ar: { catalog: { mug: { name: '' } } } } }).success).toBe(false);
  });

  it('requires {code} in the referral link template', () => {
    const base = { qualifyingEvent: 'project_created', referrerPoints: 50, referredPoints: 25 };
    expect(rewardsConfigSchema.safeParse({ referral: { ...base, linkTemplate: 'https://acme.test/join' } }).success).toBe(false);
    expect(rewardsConfigSchema.safeParse({ referral: { ...base, linkTemplate: 'https://acme.test/join?ref={code}' } }).success).toBe(true);
  });
});

describe('points request', () => {
  it('refuses zero, fractions and keys with spaces', () => {
    const ok = { idempotencyKey: 'grant-1', userId: 'u1', amount: -5, reason: 'Goodwill correction' };
    expect(pointsRequestSchema.parse(ok)).toEqual(ok);
    expect(issues(pointsRequestSchema.safeParse({ ...ok, amount: 0 }))[0]?.path).toBe('amount');
    expect(issues(pointsRequestSchema.safeParse({ ...ok, amount: 1.5 }))[0]?.path).toBe('amount');
    expect(issues(pointsRequestSchema.safeParse({ ...ok, idempotencyKey: 'a b' }))[0]?.path).toBe('idempotencyKey');
  });
});
