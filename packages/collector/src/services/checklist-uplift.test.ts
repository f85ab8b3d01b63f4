import { PROMPT_EVENTS, checklistPromptSchema, type JsonValue } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import type { HoldoutArm } from '../domain/checklist/holdout-arm.js';
import type { Store } from '../storage/store.js';
import { bothStores } from '../test-support/both-stores.js';
import { newEvent, uniqueProjectId } from '../test-support/events.js';
import { checklistUplift } from './checklist-uplift.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const D0 = Date.parse('2026-03-02T00:00:00.000Z');
const range = { from: new Date(D0), to: new Date(D0 + 40 * DAY) };

const checklist = checklistPromptSchema.parse({
  id: 'onboarding',
  kind: 'checklist',
  holdout: { percent: 20 },
  content: {
    title: 'Get started',
    items: [
      { id: 'create', title: 'Create', completeWhen: { type: 'event', event: 'Project Created' } },
      { id: 'invite', title: 'Invite', completeWhen: { type: 'event', event: 'Teammate Invited', where: { role: 'admin' } } },
      { id: 'avatar', title: 'Avatar', optional: true, completeWhen: { type: 'trait', trait: 'avatar', op: 'exists' } },
    ],
  },
});

/**
 * Hand-computed fixture, range [D0, D0 + 40 d); items count within 14 days of assignment (or
 * before it), retention is an own event in [assignment + 7 d, assignment + 30 d):
 * - e1 exposed, assigned D0: creates at +13 d 23 h; invites an admin at +14 d (the window's end,
 *   not in it); a ping at +7 d (the first instant of day 8) → create, retained.
 * - e2 exposed, assigned D0 + 1 d: created at D0 (before assignment, counts); invites a *member*;
 *   only widget events and a ping at +30 d (the window's end) after day 7 → create, not retained.
 * - e3 exposed, assigned D0 + 20 d: creates and invites an admin (with more properties) at +1 d →
 *   every item; its 30 days end after `to` → not in the retention figures.
 * - e4 exposed, assigned D0 + 30 d: its 14 days end after `to` → only in the group's size.
 * - c1 control, assigned D0: creates at +2 d, invites an admin at +3 d, pings at +29 d 23 h → all, retained.
 * - c2 control, assigned D0 + 5 d: does nothing → neither.
 * - x1 (assigned D0 − 1 h), x2 (assigned at `to`) and y1 (another checklist) are outside.
 * Sizes: exposed 4, control 2. Items (n: exposed e1 e2 e3 = 3, control 2): create 3/3 vs 1/2,
 * invite 1/3 vs 1/2, every item 1/3 vs 1/2. Retention (n: e1 e2 = 2, c1 c2 = 2): 1/2 vs 1/2.
 */
async function seed(store: Store, projectId: string) {
  const assign = (userId: string, arm: HoldoutArm, at: number, promptId = 'onboarding') =>
    store.prompts.assign(projectId, userId, new Map([[promptId, arm]]), at);
  await assign('e1', 'exposed', D0);
  await assign('e2', 'exposed', D0 + DAY);
  await assign('e3', 'exposed', D0 + 20 * DAY);
  await assign('e4', 'exposed', D0 + 30 * DAY);
  await assign('c1', 'control', D0);
  await assign('c2', 'control', D0 + 5 * DAY);
  await assign('x1', 'control', D0 - HOUR);
  await assign('x2', 'exposed', D0 + 40 * DAY);
  await assign('y1', 'control', D0, 'other');
  const ev = (userId: string, name: string, at: number, properties: Record<string, JsonValue> = {}) =>
    newEvent({ projectId, userId, anonymousId: `a-${userId}`, name, properties, timestamp: at, receivedAt: at });
  const admin = { role: 'admin' };
  await store.writeEvents([
    ev('e1', 'Project Created', D0 + 13 * DAY + 23 * HOUR),
    ev('e1', 'Teammate Invited', D0 + 14 * DAY, admin),
    ev('e1', 'ping', D0 + 7 * DAY),
    ev('e2', 'Project Created', D0),
    ev('e2', 'Teammate Invited', D0 + 2 * DAY, { role: 'member' }),
    ev('e2', PROMPT_EVENTS.shown, D0 + 10 * DAY, { promptId: 'onboarding', kind: 'checklist' }),
    ev('e2', 'ping', D0 + 31 * DAY),
    ev('e3', 'Project Created', D0 + 21 * DAY),
    ev('e3', 'Teammate Invited', D0 + 21 * DAY, { role: 'admin', via: 'email' }),
    ev('c1', 'Project Created', D0 + 2 * DAY),
    ev('c1', 'Teammate Invited', D0 + 3 * DAY, admin),
    ev('c1', 'ping', D0 + 29 * DAY + 23 * HOUR),
    ev('x1', 'Project Created', D0),
    ev('y1', 'Project Created', D0),
  ]);
}

describe.each(bothStores('hearth_checklist_uplift'))('checklist uplift on $name', ({ open }) => {
  it('matches the hand-computed fixture, with the too-small warning', async () => {
    const store = await open();
    const projectId = uniqueProjectId();
    await seed(store, projectId);
    const uplift = await checklistUplift(store, projectId, checklist, { range });
    expect(uplift).toMatchObject({ percent: 20, assigned: { exposed: 4, control: 2 }, actionDays: 14, retentionDays: { from: 8, to: 30 } });
    const figures = (c: NonNullable<typeof uplift>['retention']) => [c.exposed, c.control, c.difference, c.verdict];
    // Rates in %: create 100 vs 50 → +50 pp; invite and every item 33.3 vs 50 → −16.7 pp; retention 50 vs 50 → 0.
    expect(uplift!.items.map((i) => [i.itemId, ...figures(i.comparison)])).toEqual([
      ['create', { n: 3, value: 100 }, { n: 2, value: 50 }, 50, 'too-small'],
      ['invite', { n: 3, value: (1 / 3) * 100 }, { n: 2, value: 50 }, expect.closeTo((1 / 3) * 100 - 50, 9), 'too-small'],
    ]);
    expect(figures(uplift!.allItems!)).toEqual([
      { n: 3, value: (1 / 3) * 100 },
      { n: 2, value: 50 },
      expect.closeTo((1 / 3) * 100 - 50, 9),
      'too-small',
    ]);
    expect(figures(uplift!.retention)).toEqual([{ n: 2, value: 50 }, { n: 2, value: 50 }, 0, 'too-small']);
    expect(uplift!.retention.warning).toMatch(/users shown the checklist and the control group have fewer/);
    expect(uplift!.retention.low).toBeLessThan(0);
    expect(uplift!.retention.high).toBeGreaterThan(0);

    // A segment narrows both groups: e1 and c1 only.
    const segment = { kind: 'users' as const, ids: ['e1', 'c1'], negate: false };
    const narrowed = await checklistUplift(store, projectId, checklist, { range, segment });
    expect(narrowed!.assigned).toEqual({ exposed: 1, control: 1 });
    expect(figures(narrowed!.retention)).toEqual([{ n: 1, value: 100 }, { n: 1, value: 100 }, 0, 'too-small']);
  });

  it('answers null, not 0, for an empty control group, and nothing without a holdout', async () => {
    const store = await open();
    const projectId = uniqueProjectId();
    await store.prompts.assign(projectId, 'e1', new Map([['onboarding', 'exposed']]), D0);
    const uplift = await checklistUplift(store, projectId, checklist, { range });
    expect(uplift!.assigned).toEqual({ exposed: 1, control: 0 });
    // e1's windows closed by `to`: in every figure with n 1, the control with n 0 and no rate.
    for (const comparison of [...uplift!.items.map((i) => i.comparison), uplift!.allItems!, uplift!.retention]) {
      expect(comparison).toMatchObject({
        exposed: { n: 1, value: 0 },
        control: { n: 0, value: null },
        difference: null,
        low: null,
        high: null,
      });
      expect(comparison.verdict).toBe('too-small');
    }
    expect(await checklistUplift(store, projectId, { ...checklist, holdout: undefined }, { range })).toBeNull();
  });

  it('records a group once: the first group and time stay', async () => {
    const store = await open();
    const projectId = uniqueProjectId();
    await store.prompts.assign(projectId, 'u1', new Map([['onboarding', 'control']]), D0);
    await store.prompts.assign(
      projectId,
      'u1',
      new Map<string, HoldoutArm>([
        ['onboarding', 'exposed'],
        ['tour', 'exposed'],
      ]),
      D0 + DAY,
    );
    expect(await store.prompts.assignments(projectId, 'u1')).toEqual(
      new Map([
        ['onboarding', 'control'],
        ['tour', 'exposed'],
      ]),
    );
    expect(await store.prompts.assignments(projectId, 'u2')).toEqual(new Map());
    const uplift = await checklistUplift(store, projectId, checklist, { range: { from: new Date(D0), to: new Date(D0 + DAY) } });
    expect(uplift!.assigned).toEqual({ exposed: 0, control: 1 });
  });
});
