import type { JsonValue } from '@hearth/schema';
import { describe, expect } from 'vitest';
import { segmentOf, traitSegmentOf, type KpiSegment } from '../../kpi/segment.js';
import { newEvent } from '../../test-support/events.js';
import { storeTest, type OpenStore } from './harness.js';

const AT = Date.parse('2026-03-01T00:00:00.000Z');
const JAN_1 = Date.parse('2026-01-01T00:00:00.000Z');

/**
 * One trait `v` per user (the user's id says what it holds), the same value on an account of the
 * same id: the stores must read numbers as numbers and only the ISO 8601 texts ISO_INSTANT
 * admits as instants, alike (segment-sql.ts).
 */
const VALUES: Record<string, JsonValue> = {
  n9: 9,
  n10: 10,
  n10point5: 10.5,
  text10: '10',
  yes: true,
  date: '2025-12-31', // UTC midnight: before 2026-01-01
  utc: '2026-01-01T00:00:00Z', // exactly 2026-01-01: neither before nor after it
  local: '2026-01-01T01:00:00+02:00', // 2025-12-31T23:00Z
  bare: '2026-01-01T00:00:00.5', // no offset: UTC, 500 ms after midnight
  ms: JAN_1 + 1_000, // epoch ms, as the targeting rules read a number
  feb30: '2026-02-30', // no such day: never an instant
  spaced: '2025-06-01 10:00:00', // not ISO 8601's T: never an instant
  month13: '2025-13-01',
  micro: '2025-06-01T10:00:00.1234Z', // more than 3 fraction digits: never an instant
  arr: [1, 2],
};

async function seed(store: Awaited<ReturnType<OpenStore>>, projectId: string) {
  const identify = (userId: string, traits: Record<string, JsonValue>) =>
    newEvent({ projectId, userId, anonymousId: `a-${userId}`, type: 'identify', name: null, traits, timestamp: AT, receivedAt: AT });
  await store.writeEvents([...Object.entries(VALUES).map(([id, v]) => identify(id, { v })), identify('none', { other: 1 })]);
  for (const [id, v] of Object.entries(VALUES)) await store.accounts.setTraits(projectId, id, { v }, AT);
}

/** Trait comparisons in segments (`trait:v:gte:10`), on users and on accounts' own traits. */
export function kpiSegmentCompareConformance(open: OpenStore): void {
  const withStore = storeTest(open);
  describe('trait comparisons in KPI segments', () => {
    withStore('numbers compare as numbers, ISO 8601 texts and epoch ms as instants, a missing trait never', async (store, projectId) => {
      await seed(store, projectId);
      const matching = async (text: string) => {
        const { userIds, accountIds } = await store.kpi.segmentCustomers(
          projectId,
          traitSegmentOf(segmentOf(text)) as KpiSegment,
          new Date(AT),
        );
        expect(accountIds, `accounts for ${text}`).toEqual(userIds);
        return userIds;
      };
      // The text "10" and true are no numbers; the epoch-ms user is a (large) number.
      expect(await matching('v:gte:10')).toEqual(['ms', 'n10', 'n10point5']);
      expect(await matching('v:gt:10')).toEqual(['ms', 'n10point5']);
      expect(await matching('v:lt:10')).toEqual(['n9']);
      expect(await matching('v:lte:10.0')).toEqual(['n10', 'n9']);
      expect(await matching('v:gt:-1e3')).toEqual(['ms', 'n10', 'n10point5', 'n9']);
      // Instants: before 2026-01-01 are the date, the +02:00 time and the small numbers (epoch ms 9, 10, 10.5).
      expect(await matching('v:before:2026-01-01')).toEqual(['date', 'local', 'n10', 'n10point5', 'n9']);
      expect(await matching('v:after:2026-01-01')).toEqual(['bare', 'ms']);
      expect(await matching('v:after:2026-01-01T00:00:00.500Z')).toEqual(['ms']);
      expect(await matching('v:before:2026-01-01T01:30:00+01:00')).toEqual([
        'bare',
        'date',
        'local',
        'ms',
        'n10',
        'n10point5',
        'n9',
        'utc',
      ]);
      expect(await matching('v:after:2025-12-31T23:00:00Z')).toEqual(['bare', 'ms', 'utc']);
      // Equality is still typed: 10 and "10".
      expect(await matching('v:10')).toEqual(['n10', 'text10']);
    });
  });
}
