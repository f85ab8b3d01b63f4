import { PROMPT_EVENTS, fatigueBudgetSchema, type Prompt } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { historyFromEvents } from '../frequency/history.js';
import { NOW, checklist, daysAgo, event, facts } from '../test-helpers.js';
import type { DecisionContext } from './decision.js';
import { explainPrompt } from './explain.js';

const role = (value: string) => ({ type: 'trait', trait: 'role', op: 'equals', value });
const prompts: Prompt[] = [
  checklist({ id: 'admin-path', audience: role('admin') }),
  checklist({ id: 'member-path', audience: role('member') }),
  checklist({ id: 'drafted', status: 'draft' }),
  checklist({ id: 'archived', status: 'archived' }),
  checklist({ id: 'later', status: 'scheduled', schedule: { startAt: '2026-04-01T00:00:00Z' } }),
  checklist({ id: 'over', schedule: { endAt: NOW.toISOString() } }),
  checklist({ id: 'survey', interrupting: true, priority: 5 }),
  checklist({ id: 'promo', interrupting: true, priority: 1 }),
];

function context(overrides: Partial<DecisionContext> & { events?: ReturnType<typeof event>[] } = {}): DecisionContext {
  const events = overrides.events ?? [];
  return {
    facts: facts({ prompts, traits: { role: 'admin' }, events }),
    history: historyFromEvents(events),
    now: NOW,
    fatigue: fatigueBudgetSchema.parse({}),
    ...overrides,
  };
}
const explain = (id: string, ctx = context()) => explainPrompt(id, prompts, ctx);
const failing = (id: string, ctx = context()) =>
  explain(id, ctx)
    ?.steps.filter((s) => !s.ok)
    .map((s) => [s.step, s.reason]);

describe('explainPrompt', () => {
  it('says a matching, live prompt is eligible and lets triggers decide', () => {
    const result = explain('admin-path');
    expect(result?.showing).toBe(true);
    expect(result?.summary).toBe('"admin-path" is eligible for this user now; its triggers decide the moment it appears.');
    expect(result?.steps.map((s) => s.step)).toEqual(['status', 'schedule', 'audience', 'frequency', 'completion', 'fatigue']);
  });

  it('names the audience rule that excluded the user, with its path', () => {
    const result = explain('member-path');
    expect(result?.showing).toBe(false);
    const audience = result?.steps.find((s) => s.step === 'audience');
    expect(audience).toMatchObject({ ok: false, reason: 'trait "role" equals "member": the user\'s value is "admin"' });
    expect(audience?.rules?.[0]?.path).toBe('(root)');
    expect(result?.summary).toBe(
      '"member-path" is not shown to this user because audience: trait "role" equals "member": the user\'s value is "admin".',
    );
  });

  it('explains status and schedule', () => {
    expect(failing('drafted')).toEqual([['status', 'it is a draft: publish it first']]);
    expect(failing('archived')).toEqual([['status', 'it is archived']]);
    expect(failing('later')).toEqual([['schedule', 'it starts at 2026-04-01T00:00:00Z']]);
    expect(failing('over')).toEqual([['schedule', `it ended at ${NOW.toISOString()}`]]);
  });

  it('explains frequency: dismissed', () => {
    const events = [event(PROMPT_EVENTS.dismissed, daysAgo(1), { promptId: 'admin-path', kind: 'checklist' })];
    expect(failing('admin-path', context({ events }))).toEqual([
      ['frequency', 'the user dismissed it on 2026-03-14T12:00:00.000Z and it stops after a dismissal'],
    ]);
  });

  it('explains completion when a finished checklist hides itself', () => {
    const hiding = checklist({
      id: 'hiding',
      content: {
        title: 'T',
        hideWhenComplete: true,
        items: [{ id: 'a', title: 'A', completeWhen: { type: 'trait', trait: 'role', op: 'exists' } }],
      },
    });
    const result = explainPrompt('hiding', [hiding], { ...context(), facts: facts({ prompts: [hiding], traits: { role: 'admin' } }) });
    expect(result?.steps.filter((s) => !s.ok)).toEqual([
      { step: 'completion', ok: false, reason: '1 of 1 items done: the checklist is complete and hides when complete' },
    ]);
  });

  it('shares the fatigue budget by priority and names the prompt that took it', () => {
    expect(explain('survey')?.showing).toBe(true);
    expect(failing('promo')).toEqual([['fatigue', 'higher-priority interrupting prompts use the remaining budget of 1: survey']]);
    const roomy = context({ fatigue: fatigueBudgetSchema.parse({ maxInterruptingPerDay: 2 }) });
    expect(explain('promo', roomy)?.showing).toBe(true);
  });

  it("blocks every interrupting prompt once today's budget is spent, and frees it 24 hours later", () => {
    const events = [event(PROMPT_EVENTS.shown, daysAgo(0.25), { promptId: 'promo', kind: 'checklist' })];
    const spent = 'the project allows 1 interrupting prompt per user per day (24 hours) and this user already saw 1';
    expect(failing('survey', context({ events }))).toEqual([['fatigue', spent]]);
    expect(failing('promo', context({ events }))).toEqual([['fatigue', spent]]);
    const tomorrow = new Date(NOW.getTime() + 0.75 * 86_400_000);
    expect(explain('survey', context({ events, now: tomorrow }))?.showing).toBe(true);
  });

  it('lists every failing gate, not just the first', () => {
    const events = [event(PROMPT_EVENTS.dismissed, daysAgo(1), { promptId: 'member-path', kind: 'checklist' })];
    expect(failing('member-path', context({ events }))?.map(([step]) => step)).toEqual(['audience', 'frequency']);
  });

  it('returns null for an unknown prompt', () => {
    expect(explain('nope')).toBeNull();
  });
});
