import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { foldActivity } from './activity.js';
import { daysAgo } from './test-fixtures.js';

describe('foldActivity', () => {
  it('derives read, latest reaction, boosted shown and digests from events in any order', () => {
    const activity = foldActivity([
      { name: ANNOUNCEMENT_EVENTS.reacted, at: daysAgo(1), properties: { announcementId: 'a', reaction: 'down' } },
      { name: ANNOUNCEMENT_EVENTS.reacted, at: daysAgo(3), properties: { announcementId: 'a', reaction: 'up' } },
      { name: ANNOUNCEMENT_EVENTS.read, at: daysAgo(2), properties: { announcementId: 'a' } },
      { name: ANNOUNCEMENT_EVENTS.read, at: daysAgo(2), properties: { announcementId: 7 } },
      { name: PROMPT_EVENTS.shown, at: daysAgo(2), properties: { promptId: 'b', kind: 'announcement' } },
      { name: PROMPT_EVENTS.shown, at: daysAgo(2), properties: { promptId: 'c', kind: 'checklist' } },
      { name: ANNOUNCEMENT_EVENTS.digestShown, at: daysAgo(4), properties: {} },
    ]);
    expect([...activity.read]).toEqual(['a']);
    expect(activity.reactions.get('a')).toBe('down');
    expect([...activity.boostedShown]).toEqual(['b']);
    expect(activity.digestsShownAt).toEqual([daysAgo(4).getTime()]);
  });
});
