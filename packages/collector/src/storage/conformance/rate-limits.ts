import { describe, expect } from 'vitest';
import { T0, uniqueProjectId } from '../../test-support/events.js';
import { storeTest, type OpenStore } from './harness.js';

/** Shared per-project rate-limit windows: claims add up per (project, window), across stores on one database. */
export function rateLimitsConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('rate-limit windows', () => {
    withStore('adds each claim to its project and window, returning the total claimed', async (store, projectId) => {
      const other = uniqueProjectId();
      expect(await store.rateLimits.claim(projectId, T0, 5)).toBe(5);
      expect(await store.rateLimits.claim(projectId, T0, 5)).toBe(10);
      expect(await store.rateLimits.claim(other, T0, 3)).toBe(3);
      expect(await store.rateLimits.claim(projectId, T0 + 2_000, 1)).toBe(1);
      // Another collector on the same database adds to the same counter.
      const second = await open();
      try {
        const totals = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? store : second).rateLimits.claim(projectId, T0, 2)));
        expect(totals.sort((a, b) => a - b)).toEqual([12, 14, 16, 18, 20, 22, 24, 26, 28, 30]);
      } finally {
        await second.close();
      }
    });

    withStore('purges windows that started before a time', async (store, projectId) => {
      await store.rateLimits.claim(projectId, T0 - 7_200_000, 1);
      await store.rateLimits.claim(projectId, T0, 1);
      expect(await store.rateLimits.purge(T0 - 3_600_000)).toBeGreaterThanOrEqual(1);
      expect(await store.rateLimits.claim(projectId, T0 - 7_200_000, 1)).toBe(1);
      expect(await store.rateLimits.claim(projectId, T0, 1)).toBe(2);
    });
  });
}
