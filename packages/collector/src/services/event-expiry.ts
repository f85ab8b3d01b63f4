import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { ProjectConfig } from '@hearth/schema';
import { DAY_MS } from '../domain/time.js';
import type { Store } from '../storage/store.js';

export interface EventExpiryOptions {
  /** How often expired events are looked for; the first pass runs at start. */
  intervalMs?: number;
  /** Events per delete transaction: what an ingest batch may wait behind. */
  chunk?: number;
}

/** Hourly passes, in chunks that keep a SQLite write transaction around 10–20 ms. */
const DEFAULTS = { intervalMs: 3_600_000, chunk: 2_000 };

export interface EventExpiry {
  /** One pass over every project with a retention period; events deleted per project. */
  runOnce(): Promise<Map<string, number>>;
  /** Stops the passes and waits for one in progress (it stops after its current chunk). */
  stop(): Promise<void>;
}

/**
 * Enforces each project's `eventRetentionDays`: events older than the period are deleted, chunk
 * by chunk with a turn of the event loop between chunks so ingest keeps its share of the writer.
 * The KPI rollups, ledgers, responses and users stay (docs/kpis.md, "Data lifecycle"). `projects`
 * is read at every pass: a period set or removed in the console applies from the next one.
 */
export function startEventExpiry(
  store: Store,
  projects: () => readonly Pick<ProjectConfig, 'id' | 'eventRetentionDays'>[],
  clock: () => number,
  options: EventExpiryOptions = {},
): EventExpiry {
  const { intervalMs, chunk } = { ...DEFAULTS, ...options };
  let stopped = false;
  let running: Promise<Map<string, number>> | null = null;

  const pass = async () => {
    const deleted = new Map<string, number>();
    for (const project of projects()) {
      if (project.eventRetentionDays === undefined) continue;
      const cutOff = new Date(clock() - project.eventRetentionDays * DAY_MS);
      let total = 0;
      let last: number;
      do {
        last = await store.expiry.expireEvents(project.id, cutOff, chunk);
        total += last;
        await yieldToIo();
      } while (last === chunk && !stopped);
      deleted.set(project.id, total);
    }
    return deleted;
  };
  const runOnce = () => (running ??= pass().finally(() => (running = null)));
  const background = () =>
    void runOnce().catch((error: unknown) =>
      console.error('hearth-collector: deleting expired events failed; retrying at the next pass', error),
    );

  // A pass over projects without a period reads nothing, so the timer always runs.
  const timer = setInterval(background, intervalMs);
  timer.unref();
  background();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      // A pass's failure is logged by `background` (or thrown to `runOnce`'s caller); stopping only waits.
      await running?.catch(() => undefined);
    },
  };
}
