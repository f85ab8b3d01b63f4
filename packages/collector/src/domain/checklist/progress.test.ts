import { CHECKLIST_EVENTS, type ChecklistPrompt } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { NOW, checklist, daysAgo, event, facts } from '../test-helpers.js';
import { checklistEventQueries, checklistProgress } from './progress.js';

const prompt = checklist() as ChecklistPrompt;
const progressOf = (input: Parameters<typeof facts>[0]) => checklistProgress(prompt, facts({ prompts: [prompt], ...input }), NOW);

describe('checklistProgress', () => {
  it('a new user has nothing done', () => {
    expect(progressOf({})).toEqual({
      items: [
        { id: 'create-project', done: false, doneAt: null, skipped: false },
        { id: 'invite', done: false, doneAt: null, skipped: false },
        { id: 'avatar', done: false, doneAt: null, skipped: false },
      ],
      done: 0,
      total: 3,
      complete: false,
    });
  });

  it('ticks event items at the first matching event, honouring the property filter', () => {
    const result = progressOf({
      events: [
        event('project_created', daysAgo(3)),
        event('project_created', daysAgo(1)),
        event('invite_sent', daysAgo(2), { role: 'admin' }),
      ],
    });
    expect(result.items[0]).toEqual({ id: 'create-project', done: true, doneAt: daysAgo(3), skipped: false });
    expect(result.items[1]?.done).toBe(false);
    expect(result.done).toBe(1);
  });

  it('ticks trait items from traits, and completes when required items are done and optional ones skipped', () => {
    const events = [event('project_created', daysAgo(3)), event('invite_sent', daysAgo(2), { role: 'member', extra: 1 })];
    const withTrait = progressOf({ events, traits: { avatarUrl: 'https://x/a.png' } });
    expect(withTrait.items[2]).toEqual({ id: 'avatar', done: true, doneAt: null, skipped: false });
    expect(withTrait).toMatchObject({ done: 3, total: 3, complete: true });

    expect(progressOf({ events }).complete).toBe(false);
    const skipped = progressOf({
      events: [...events, event(CHECKLIST_EVENTS.itemSkipped, daysAgo(1), { promptId: 'onboarding', itemId: 'avatar' })],
    });
    expect(skipped.items[2]).toMatchObject({ done: false, skipped: true });
    expect(skipped).toMatchObject({ done: 2, complete: true });
  });

  it('a skip event for another checklist or a required item does not count', () => {
    const result = progressOf({
      events: [
        event(CHECKLIST_EVENTS.itemSkipped, daysAgo(1), { promptId: 'other', itemId: 'avatar' }),
        event(CHECKLIST_EVENTS.itemSkipped, daysAgo(1), { promptId: 'onboarding', itemId: 'invite' }),
      ],
    });
    expect(result.items.map((i) => i.skipped)).toEqual([false, false, false]);
  });

  it('asks the store one lookup per event item and per optional item', () => {
    expect(checklistEventQueries(prompt)).toEqual([
      { event: 'project_created', where: null },
      { event: 'invite_sent', where: { role: 'member' } },
      { event: CHECKLIST_EVENTS.itemSkipped, where: { promptId: 'onboarding', itemId: 'avatar' } },
    ]);
  });
});
