import type { ChecklistItemState, ChecklistState } from '../../runtime/index.js';

/** Test data: a checklist as `/v1/state` sends it, with progress derived from the items. */
export function checklistFixture(
  overrides: Partial<ChecklistState> = {},
  itemOverrides: Partial<ChecklistItemState>[] = [],
): ChecklistState {
  const base: ChecklistItemState[] = [
    {
      id: 'profile',
      title: 'Complete your profile',
      action: { type: 'url', url: '/settings/profile', newTab: false },
      optional: false,
      done: true,
      skipped: false,
    },
    {
      id: 'invite',
      title: 'Invite a teammate',
      description: 'Work is better together.',
      action: { type: 'event', name: 'invite_opened' },
      optional: false,
      done: false,
      skipped: false,
    },
    { id: 'tour', title: 'Watch the tour', optional: true, done: false, skipped: false },
  ];
  const items = base.map((item, index) => ({ ...item, ...itemOverrides[index] }));
  return {
    id: 'getting-started',
    kind: 'checklist',
    triggers: [{ type: 'load' }],
    interrupting: false,
    locale: 'en',
    title: 'Get started, {{user.firstName | "there"}}',
    description: 'Three steps to your first project.',
    dismissible: true,
    items,
    progress: { done: items.filter((i) => i.done).length, total: items.length, complete: items.every((i) => i.done || i.skipped) },
    ...overrides,
  };
}

/** The same checklist with the given items' `done` flags changed, as a later state refresh. */
export function withDone(state: ChecklistState, done: Record<string, boolean>): ChecklistState {
  const items = state.items.map((item) => ({ ...item, done: done[item.id] ?? item.done }));
  return {
    ...state,
    items,
    progress: { done: items.filter((i) => i.done).length, total: items.length, complete: items.every((i) => i.done || i.skipped) },
  };
}
