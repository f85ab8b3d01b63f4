import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../domain/time.js';
import { bothStores } from '../test-support/both-stores.js';
import { newEvent, uniqueProjectId } from '../test-support/events.js';
import { startEventExpiry } from './event-expiry.js';

const NOW = Date.parse('2026-09-01T12:00:00.000Z');

describe.each(bothStores('hearth_expiry'))('event expiry on $name', ({ open }) => {
  it("deletes each project's events older than its retention period, in chunks, and leaves projects without one alone", async () => {
    const store = await open();
    const kept = uniqueProjectId();
    const forever = uniqueProjectId();
    // One event a day for 40 days, in a project keeping 30 days and in one keeping everything.
    const days = Array.from({ length: 40 }, (_, i) => NOW - i * DAY_MS - 1_000);
    await store.writeEvents(days.flatMap((t) => [kept, forever].map((projectId) => newEvent({ projectId, timestamp: t, receivedAt: t }))));

    const projects = [
      { id: kept, eventRetentionDays: 30 },
      { id: forever, eventRetentionDays: undefined as number | undefined },
    ];
    const expiry = startEventExpiry(
      store,
      () => projects,
      () => NOW,
      { chunk: 3, intervalMs: 3_600_000 },
    );
    try {
      const deleted = await expiry.runOnce();
      // Days 30…39 ago are past 30 days; the rest stay.
      expect(deleted).toEqual(new Map([[kept, 10]]));
      expect(await store.listEvents(kept)).toHaveLength(30);
      expect(await store.listEvents(forever)).toHaveLength(40);
      expect(await expiry.runOnce()).toEqual(new Map([[kept, 0]]));

      // A period set later (in the console) applies from the next pass, without a restart.
      projects[1]!.eventRetentionDays = 35;
      expect(await expiry.runOnce()).toEqual(
        new Map([
          [kept, 0],
          [forever, 5],
        ]),
      );
      expect(await store.listEvents(forever)).toHaveLength(35);
    } finally {
      await expiry.stop();
    }
  });
});
