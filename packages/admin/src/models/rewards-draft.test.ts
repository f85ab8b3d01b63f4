import { rewardsConfigSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { checkRewardsDraft, draftFromProgram, move, newRewardsDraft, nextId } from './rewards-draft.js';
import { newBadge, newCatalogItem, newRule } from './rewards-items.js';
import { whereText, whereValue } from './where-rows.js';

/** A stored program touching every kind of entry, as the collector answers it (defaults applied). */
const stored = rewardsConfigSchema.parse({
  rules: [
    {
      id: 'export',
      title: 'Export a report',
      on: { type: 'event', event: 'report_exported', where: { format: 'pdf', pages: 3, draft: false, note: '42' } },
      points: 50,
      caps: { perDay: 3 },
    },
    {
      id: 'login',
      title: 'Log in',
      on: { type: 'event', event: 'logged_in', source: 'client' },
      points: 5,
      caps: { oncePerUser: true },
      hidden: true,
    },
    {
      id: 'invite',
      title: 'Invite a teammate',
      on: { type: 'checklistItem', checklistId: 'getting-started', itemId: 'invite' },
      points: 20,
      audience: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' },
    },
    {
      id: 'nested',
      title: 'Answer',
      on: { type: 'surveyAnswered' },
      points: 10,
      audience: { type: 'not', rule: { type: 'trait', trait: 'plan', op: 'exists' } },
    },
  ],
  badges: [
    { id: 'exporter', name: 'Report pro', unlock: { type: 'rule', ruleId: 'export', count: 10 } },
    { id: 'big', name: 'Big earner', description: 'Earn 1000', unlock: { type: 'lifetimePoints', min: 1000 } },
    { id: 'pdf', name: 'PDF fan', unlock: { type: 'event', event: 'report_exported', where: { format: 'pdf' }, count: 2 } },
  ],
  tiers: [
    { id: 'bronze', name: 'Bronze', minPoints: 0 },
    { id: 'silver', name: 'Silver', minPoints: 500, perks: ['Early access', 'Swag'] },
  ],
  catalog: [{ id: 'tee', name: 'T-shirt', cost: 800, stock: 100, perUserLimit: 1 }],
  referral: {
    qualifyingEvent: 'project_created',
    referrerPoints: 200,
    referredPoints: 100,
    linkTemplate: 'https://acme.test/signup?ref={code}',
  },
  expiryMonths: 12,
  fulfilmentWebhookUrl: 'https://acme.test/hooks/hearth',
  translations: { ar: { catalog: { tee: { name: 'قميص' } }, tiers: { silver: { name: 'فضي', perks: ['وصول مبكر'] } } } },
});

describe('rewards program form (rewardsConfigSchema)', () => {
  it('round-trips a stored program exactly, including audiences the builder cannot show', () => {
    const { ok, errors, program } = checkRewardsDraft(draftFromProgram(stored));
    expect(errors).toEqual({});
    expect(ok).toBe(true);
    expect(program).toStrictEqual(JSON.parse(JSON.stringify(stored)));
  });

  it('turns a valid edit into exactly the payload the API receives', () => {
    const draft = draftFromProgram(stored);
    draft.rules[0] = { ...draft.rules[0]!, points: '75', perDay: '', perWeek: '10' };
    draft.catalog.push({ ...newCatalogItem('mug'), name: 'Mug', cost: '300', perUserLimit: '2' });
    draft.referral = { ...draft.referral, enabled: false };
    draft.expiryMonths = '';
    const { ok, program } = checkRewardsDraft(draft);
    expect(ok).toBe(true);
    const expected = JSON.parse(JSON.stringify(stored));
    expected.rules[0].points = 75;
    expected.rules[0].caps = { oncePerUser: false, perWeek: 10 };
    expected.catalog.push({ id: 'mug', name: 'Mug', cost: 300, perUserLimit: 2 });
    delete expected.referral;
    delete expected.expiryMonths;
    expect(program).toStrictEqual(expected);
  });

  it('keeps the translations through a save, dropping only those of entries removed in the form', () => {
    const draft = draftFromProgram(stored);
    draft.catalog = [];
    const { ok, program } = checkRewardsDraft(draft);
    expect(ok).toBe(true);
    expect((program as { translations: unknown }).translations).toEqual({
      ar: { rules: {}, badges: {}, tiers: { silver: { name: 'فضي', perks: ['وصول مبكر'] } }, catalog: {} },
    });
  });

  it('puts each schema error at its field path', () => {
    const draft = draftFromProgram(stored);
    draft.rules[0] = { ...draft.rules[0]!, points: '-5', title: '' };
    draft.rules[1] = { ...draft.rules[1]!, oncePerUser: false };
    draft.rules[2] = { ...draft.rules[2]!, points: '2.5' };
    draft.tiers[1] = { ...draft.tiers[1]!, minPoints: 'lots' };
    draft.catalog[0] = { ...draft.catalog[0]!, stock: '-1' };
    draft.referral = { ...draft.referral, linkTemplate: 'https://acme.test/signup' };
    draft.fulfilmentWebhookUrl = 'ftp://acme.test';
    const { ok, errors } = checkRewardsDraft(draft);
    expect(ok).toBe(false);
    expect(errors['rules.0.points']).toBe('points must be greater than 0');
    expect(errors['rules.0.title']).toBe('must not be empty');
    expect(errors['rules.1.caps']).toBe('a rule fed by client events needs a cap (oncePerUser, perDay, perWeek or perMonth)');
    expect(errors['rules.2.points']).toBe('points must be a whole number');
    expect(errors['tiers.1.minPoints']).toMatch(/expected number/);
    expect(errors['catalog.0.stock']).toMatch(/>=0/);
    expect(errors['referral.linkTemplate']).toBe('linkTemplate must be an http(s) URL containing {code}');
    expect(errors.fulfilmentWebhookUrl).toBeDefined();
  });

  it('names duplicate ids and a badge on a rule that no longer exists', () => {
    const draft = draftFromProgram(stored);
    draft.rules[1] = { ...draft.rules[1]!, id: 'export' };
    draft.rules[0] = { ...draft.rules[0]!, id: 'exports' };
    draft.catalog.push({ ...newCatalogItem('tee'), name: 'Another tee', cost: '10' });
    const { errors } = checkRewardsDraft(draft);
    expect(errors['catalog.1.id']).toBe('duplicate id "tee"');
    expect(errors['rules.1.id']).toBeUndefined();
    draft.rules[1] = { ...draft.rules[1]!, id: 'exports' };
    const again = checkRewardsDraft(draft).errors;
    expect(again['rules.1.id']).toBe('duplicate id "exports"');
    expect(again['badges.0.unlock.ruleId']).toBe('no rule "export"');
  });

  it('reports audience and where rows at the row, not as raw schema paths', () => {
    const draft = newRewardsDraft();
    const rule = newRule('r');
    draft.rules = [
      {
        ...rule,
        title: 'R',
        event: 'e',
        points: '1',
        where: [
          { property: 'plan', value: 'pro' },
          { property: 'plan', value: 'team' },
          { property: '', value: 'x' },
        ],
        audience: { match: 'all', rows: [{ kind: 'sample', name: '', op: 'percent', value: '150', withinDays: '' }] },
      },
    ];
    draft.badges = [
      { ...newBadge('b'), name: 'B', unlock: 'event', event: 'e', count: '0', where: [{ property: 'note', value: 'x'.repeat(1_001) }] },
    ];
    const { errors } = checkRewardsDraft(draft);
    expect(errors['rules.0.where.1.property']).toBe('property "plan" is already in row 1');
    expect(errors['rules.0.where.2.property']).toBe('property must not be empty');
    expect(errors['rules.0.audience.rows.0.value']).toBe('percent must be 0–100');
    expect(errors['badges.0.where.0.value']).toMatch(/1000/);
    expect(errors['badges.0.unlock.count']).toMatch(/>=1/);
    expect(Object.keys(errors).filter((path) => path.includes('.audience.sample') || path.includes('unlock.where.note'))).toEqual([]);
  });
});

describe('where values keep their JSON type', () => {
  it('reads true/false/null and numbers as such, quotes to force text, and writes them back', () => {
    expect([whereValue('true'), whereValue('null'), whereValue('3'), whereValue('"3"'), whereValue('pdf')]).toEqual([
      true,
      null,
      3,
      '3',
      'pdf',
    ]);
    for (const value of ['42', 'true', '"quoted"', 'pdf', '', 7, false, null]) expect(whereValue(whereText(value))).toBe(value);
  });
});

describe('list helpers', () => {
  it('picks a free id and moves entries', () => {
    expect(nextId('rule', [{ id: 'rule-2' }, { id: 'x' }])).toBe('rule-3');
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
  });
});
