import { describe, expect, it } from 'vitest';
import { checklistKpis, type ChecklistKpiRow } from './checklist.js';

const HOUR = 3_600_000;
/** Times in March 2026, UTC: `at('05T12:00')`. */
const at = (dayTime: string) => new Date(`2026-03-${dayTime}:00Z`);
const range = { from: at('01T00:00'), to: at('08T00:00') };
const items = [
  { id: 'a', optional: false },
  { id: 'b', optional: false },
  { id: 'c', optional: true },
];

type Event = [ChecklistKpiRow['event'], string | null, Date];
const rows = (userId: string, events: Event[]): ChecklistKpiRow[] =>
  events.map(([event, itemId, firstAt]) => ({ userId, event, itemId, firstAt }));
const shown = (when: Date): Event => ['shown', null, when];
const item = (id: string, when: Date): Event => ['item_completed', id, when];
const completed = (when: Date): Event => ['completed', null, when];

// Every figure asserted below is computed by hand from these comments.
const fixture: ChecklistKpiRow[] = [
  // u1: shown at the range's first instant; a+b done → complete 3 h later (no completed event).
  ...rows('u1', [shown(at('01T00:00')), item('a', at('01T01:00')), item('b', at('01T03:00'))]),
  // u2: completed event 24 h after shown, b never done.
  ...rows('u2', [shown(at('02T00:00')), item('a', at('02T00:30')), completed(at('03T00:00'))]),
  // u3: only the optional item → started, not complete.
  ...rows('u3', [shown(at('03T00:00')), item('c', at('03T01:00'))]),
  // u4: shown, nothing else → not started.
  ...rows('u4', [shown(at('04T00:00'))]),
  // u5: b lands exactly at `to` (exclusive) → started, not complete, b not counted.
  ...rows('u5', [shown(at('07T23:00')), item('a', at('07T23:30')), item('b', at('08T00:00'))]),
  // u6: first shown one second before the range → outside the cohort.
  ...rows('u6', [shown(new Date('2026-02-28T23:59:59Z')), shown(at('02T00:00')), item('a', at('02T01:00'))]),
  // u7: first shown exactly at `to` → outside.
  ...rows('u7', [shown(at('08T00:00'))]),
  // u8: did a and b before ever seeing the checklist → complete, time to complete 0.
  ...rows('u8', [item('a', new Date('2026-02-20T00:00:00Z')), item('b', new Date('2026-02-21T00:00:00Z')), shown(at('05T00:00'))]),
  // u9: item rows only, never shown → outside.
  ...rows('u9', [item('a', at('02T00:00'))]),
  // u10: two shown rows (earliest wins); required items done before the completed event → 24 h.
  ...rows('u10', [
    shown(at('06T00:00')),
    shown(at('05T00:00')),
    item('a', at('05T12:00')),
    item('b', at('06T00:00')),
    completed(at('06T06:00')),
  ]),
  // u11: a row for an item no longer in the checklist does not make a start.
  ...rows('u11', [shown(at('04T00:00')), item('deleted', at('04T01:00'))]),
];

describe('checklistKpis', () => {
  it('computes every figure of the hand-checked fixture', () => {
    // Cohort: u1 u2 u3 u4 u5 u8 u10 u11 = 8. Started: u1 u2 u3 u5 u8 u10 = 6.
    // Completed: u1 (3 h), u2 (24 h), u8 (0), u10 (24 h) = 4 → median of 0, 3, 24, 24 h = 13.5 h.
    expect(checklistKpis(fixture, { items, range })).toEqual({
      shown: 8,
      started: 6,
      completed: 4,
      startedRate: (6 / 8) * 100,
      completionRate: (4 / 8) * 100,
      completionRateOfStarted: (4 / 6) * 100,
      medianTimeToCompleteMs: 13.5 * HOUR,
      items: [
        { itemId: 'a', completed: 5, rate: (5 / 8) * 100 }, // u1 u2 u5 u8 u10
        { itemId: 'b', completed: 3, rate: (3 / 8) * 100 }, // u1 u8 u10
        { itemId: 'c', completed: 1, rate: (1 / 8) * 100 }, // u3
      ],
    });
  });

  it('answers null, never 0 %, when nobody was shown the checklist', () => {
    const empty = {
      shown: 0,
      started: 0,
      completed: 0,
      startedRate: null,
      completionRate: null,
      completionRateOfStarted: null,
      medianTimeToCompleteMs: null,
      items: items.map((i) => ({ itemId: i.id, completed: 0, rate: null })),
    };
    expect(checklistKpis([], { items, range })).toEqual(empty);
    expect(checklistKpis(fixture, { items, range: { from: range.from, to: range.from } })).toEqual(empty);
  });

  it('reports 0 % completion and a null median when people start but nobody finishes', () => {
    const result = checklistKpis(rows('x', [shown(at('02T00:00')), item('a', at('02T00:01'))]), { items, range });
    expect(result).toMatchObject({
      shown: 1,
      started: 1,
      completed: 0,
      startedRate: 100,
      completionRate: 0,
      completionRateOfStarted: 0,
      medianTimeToCompleteMs: null,
    });
  });

  it("handles everyone finishing instantly, and a single user's median", () => {
    const all = ['p', 'q', 'r'].flatMap((id) => rows(id, [shown(at('02T00:00')), item('a', at('02T00:00')), completed(at('02T00:00'))]));
    expect(checklistKpis(all, { items, range })).toMatchObject({
      shown: 3,
      completed: 3,
      completionRate: 100,
      medianTimeToCompleteMs: 0,
    });
    const one = rows('solo', [shown(at('02T00:00')), item('a', at('03T00:00')), completed(at('04T00:00'))]);
    expect(checklistKpis(one, { items, range }).medianTimeToCompleteMs).toBe(48 * HOUR);
  });

  it('counts a completion with no item done as neither started nor completed', () => {
    const bare = rows('bare', [shown(at('02T00:00')), completed(at('02T01:00'))]);
    expect(checklistKpis(bare, { items, range })).toMatchObject({ shown: 1, started: 0, completed: 0, completionRateOfStarted: null });
  });

  it('with only optional items, completion comes from the completed event alone', () => {
    const optionalOnly = [{ id: 'c', optional: true }];
    const data = rows('o', [shown(at('02T00:00')), item('c', at('02T01:00'))]);
    expect(checklistKpis(data, { items: optionalOnly, range })).toMatchObject({ started: 1, completed: 0 });
  });

  it('refuses a range that ends before it starts, naming the field', () => {
    expect(() => checklistKpis([], { items, range: { from: range.to, to: range.from } })).toThrow('range.from must not be after range.to');
  });
});
