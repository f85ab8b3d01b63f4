import {
  PROMPT_EVENTS,
  fatigueBudgetSchema,
  userStateSchema,
  type ChecklistState,
  type JsonValue,
  type Prompt,
  type UserState,
} from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { historyFromEvents } from '../frequency/history.js';
import { evaluateAudience } from '../targeting/evaluate.js';
import { NOW, checklist, daysAgo, event, facts } from '../test-helpers.js';
import { buildUserState } from './build-state.js';

const items = (prefix: string) => [
  { id: 'first', title: `${prefix}: first step`, completeWhen: { type: 'event', event: `${prefix}_first` } },
  { id: 'second', title: `${prefix}: second step`, completeWhen: { type: 'trait', trait: 'secretFlag', op: 'equals', value: 'codeword' } },
];
const adminPath = checklist({
  id: 'admin-path',
  audience: { type: 'trait', trait: 'role', op: 'equals', value: 'admin' },
  content: { title: 'Admin setup', items: items('admin') },
  translations: { ar: { title: 'إعداد المسؤول', items: { first: { title: 'الخطوة الأولى' } } }, nb: { title: 'Oppsett for admin' } },
});
const memberPath = checklist({
  id: 'member-path',
  audience: {
    type: 'all',
    rules: [
      { type: 'trait', trait: 'role', op: 'equals', value: 'member' },
      { type: 'trait', trait: 'plan', op: 'in', values: ['team', 'pro'] },
    ],
  },
  content: { title: 'Member path', items: items('member') },
});
const prompts: Prompt[] = [adminPath, memberPath];

function stateFor(
  traits: Record<string, JsonValue>,
  options: { locale?: string; events?: ReturnType<typeof event>[]; userId?: string } = {},
) {
  const events = options.events ?? [];
  const f = facts({ prompts, traits, events, locale: options.locale ?? null, userId: options.userId });
  return buildUserState(prompts, { facts: f, history: historyFromEvents(events), now: NOW, fatigue: fatigueBudgetSchema.parse({}) });
}

/** The first prompt, which these tests expect to be a checklist. */
function checklistOf(state: UserState): ChecklistState | undefined {
  const [prompt] = state.prompts;
  if (prompt && prompt.kind !== 'checklist') throw new Error(`expected a checklist, got ${prompt.kind}`);
  return prompt;
}

describe('buildUserState', () => {
  it('gives each role its own checklist and an outsider none', () => {
    expect(stateFor({ role: 'admin' }).prompts.map((p) => p.id)).toEqual(['admin-path']);
    expect(stateFor({ role: 'member', plan: 'team' }).prompts.map((p) => p.id)).toEqual(['member-path']);
    expect(stateFor({ role: 'member', plan: 'free' }).prompts).toEqual([]);
    expect(stateFor({}).prompts).toEqual([]);
  });

  it("never sends a prompt outside the user's audience (randomized users)", () => {
    let seed = 7;
    const pick = <T>(values: T[]): T => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return values[Math.floor(seed / 65_536) % values.length] as T; // high bits: an LCG's low bits cycle
    };
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const traits: Record<string, JsonValue> = {};
      const role = pick(['admin', 'member', 'viewer', undefined]);
      const plan = pick(['free', 'team', 'pro', undefined]);
      if (role) traits.role = role;
      if (plan) traits.plan = plan;
      const userId = `user-${i}`;
      const sent = stateFor(traits, { userId }).prompts.map((p) => p.id);
      sent.forEach((id) => seen.add(id));
      for (const prompt of prompts) {
        const inAudience = evaluateAudience(prompt.audience, facts({ prompts, traits, userId }), NOW, { promptId: prompt.id }).matched;
        expect(sent.includes(prompt.id), `${userId} ${JSON.stringify(traits)} ${prompt.id}`).toBe(inAudience);
      }
    }
    expect([...seen].sort()).toEqual(['admin-path', 'member-path']);
  });

  it("leaks no rules, conditions, other locales or other audiences' content", () => {
    const body = JSON.stringify(stateFor({ role: 'admin' }, { locale: 'ar' }));
    for (const secret of [
      'audience',
      'role',
      'completeWhen',
      'secretFlag',
      'codeword',
      'admin_first',
      'Member path',
      'member: first',
      'Oppsett',
      'Admin setup',
      'frequency',
      'schedule',
      'priority',
    ]) {
      expect(body, secret).not.toContain(secret);
    }
  });

  it('localizes to the best matching locale and falls back per text', () => {
    const arabic = checklistOf(stateFor({ role: 'admin' }, { locale: 'ar-SA' }));
    expect(arabic).toMatchObject({ locale: 'ar', title: 'إعداد المسؤول' });
    expect(arabic?.items.map((i) => i.title)).toEqual(['الخطوة الأولى', 'admin: second step']);
    expect(stateFor({ role: 'admin' }, { locale: 'id' }).prompts[0]).toMatchObject({ locale: 'en', title: 'Admin setup' });
  });

  it('carries progress and validates against the wire schema', () => {
    const state = stateFor({ role: 'admin', secretFlag: 'codeword' }, { events: [event('admin_first', daysAgo(1))] });
    expect(userStateSchema.parse(state)).toEqual(state);
    const prompt = checklistOf(state);
    expect(prompt?.items.map((i) => i.done)).toEqual([true, true]);
    expect(prompt?.progress).toEqual({ done: 2, total: 2, complete: true });
  });

  it('drops a dismissed checklist', () => {
    const events = [event(PROMPT_EVENTS.dismissed, daysAgo(1), { promptId: 'admin-path', kind: 'checklist' })];
    expect(stateFor({ role: 'admin' }, { events }).prompts).toEqual([]);
  });
});
