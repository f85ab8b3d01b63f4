import { PROMPT_EVENTS } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { daysAgo, event } from '../test-helpers.js';
import { historyFromEvents } from './history.js';

describe('historyFromEvents', () => {
  it('maps prompt events to display records, oldest first, skipping unattributable ones', () => {
    const records = historyFromEvents([
      event(PROMPT_EVENTS.dismissed, daysAgo(1), { promptId: 'nps', kind: 'checklist' }),
      event(PROMPT_EVENTS.shown, daysAgo(2), { promptId: 'nps', kind: 'checklist' }),
      event(PROMPT_EVENTS.completed, daysAgo(1), { kind: 'checklist' }),
      event('project_created', daysAgo(1), { promptId: 'nps', kind: 'checklist' }),
    ]);
    expect(records).toEqual([
      { promptId: 'nps', kind: 'checklist', at: daysAgo(2), action: 'shown' },
      { promptId: 'nps', kind: 'checklist', at: daysAgo(1), action: 'dismissed' },
    ]);
  });
});
