import { describe, expect } from 'vitest';
import { DAY_MS } from '../../domain/time.js';
import { newEvent } from '../../test-support/events.js';
import type { Store } from '../store.js';
import { storeTest, type OpenStore } from './harness.js';

/** A project's `kpi_activity_blocks` rows, `days` as decimal text (bitmaps reach 2⁶¹, past a double's exact range). */
export type ReadBlocks = (projectId: string) => Promise<{ subject: string; block: number; days: string }[]>;

/** The statement a test's `ReadBlocks` runs, the same on both stores ($1: the project). */
export const READ_BLOCKS =
  'SELECT subject, CAST(block AS integer) AS block, CAST(days AS text) AS days FROM kpi_activity_blocks WHERE project_id = $1';

// Day 20,522 (2026-03-10) is the first of block 331 (62 × 331): events either side of it and of midnights.
const BLOCK_START = 62 * 331 * DAY_MS;

/** The blocks computed from the stored events alone: per subject and 62-day block, bit i for its day i. */
async function referenceBlocks(store: Store, projectId: string) {
  const bits = new Map<string, bigint>();
  for (const e of await store.listEvents(projectId)) {
    const subject = e.userId === null ? `a:${e.anonymousId}` : `u:${e.userId}`;
    const day = Math.floor(new Date(e.timestamp).getTime() / DAY_MS);
    const block = Math.floor(day / 62);
    const key = JSON.stringify([subject, block]);
    bits.set(key, (bits.get(key) ?? 0n) | (1n << BigInt(day - 62 * block)));
  }
  return [...bits].map(([key, days]) => {
    const [subject, block] = JSON.parse(key) as [string, number];
    return { subject, block, days: String(days) };
  });
}

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

/**
 * The activity blocks (migration 031) equal the bitmaps computed from the raw events after every
 * change the fold must follow: new and late events, midnight and block edges, an identity merge
 * (re-attributed events leave their anonymous subject: its blocks must go), erasure.
 */
export function kpiActivityBlocksConformance(open: OpenStore, readBlocks: ReadBlocks): void {
  const withStore = storeTest(open);

  describe('activity blocks', () => {
    withStore('equal the bitmaps of the raw events after new, late, merged and erased events', async (store, projectId) => {
      const event = (userId: string | null, anonymousId: string, at: number) =>
        newEvent({ projectId, userId, anonymousId, timestamp: at, receivedAt: at });
      const expectExact = async (step: string) => {
        await store.kpi.refreshRollups();
        expect(sorted(await readBlocks(projectId)), step).toEqual(sorted(await referenceBlocks(store, projectId)));
      };
      await store.writeEvents([
        // The last millisecond of block 330 and the first of block 331; three events on one day.
        event('u1', 'a-u1', BLOCK_START - 1),
        event('u1', 'a-u1', BLOCK_START),
        event('u1', 'a-u1', BLOCK_START + 3 * DAY_MS + 1),
        event('u1', 'a-u1', BLOCK_START + 3 * DAY_MS + 2),
        event('u1', 'a-u1', BLOCK_START + 4 * DAY_MS - 1),
        // The block's last day (bit 61) and the next block's first.
        event('u2', 'a-u2', BLOCK_START + 61 * DAY_MS + 5),
        event('u2', 'a-u2', BLOCK_START + 62 * DAY_MS),
        // A second device before identify, and a visitor.
        event(null, 'a-u1-phone', BLOCK_START + 10 * DAY_MS),
        event(null, 'a-u1-phone', BLOCK_START - 20 * DAY_MS),
        event(null, 'visitor', BLOCK_START + 2 * DAY_MS),
      ]);
      await expectExact('first load');
      // Late: days before everything folded so far, into rows that exist and rows that do not.
      await store.writeEvents([event('u1', 'a-u1', BLOCK_START - 40 * DAY_MS), event('u1', 'a-u1', BLOCK_START + 3 * DAY_MS + 7)]);
      await expectExact('late events');
      await store.writeEvents([{ ...event('u1', 'a-u1-phone', BLOCK_START + 30 * DAY_MS), type: 'identify' }]);
      await expectExact('identity merge');
      await store.users.erase(projectId, 'u2');
      await expectExact('erasure');
    });
  });
}
