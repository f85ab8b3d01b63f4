import { readFileSync } from 'node:fs';
import { openSqliteStore } from '../../packages/collector/src/storage/sqlite/sqlite-store.js';
import { benchProject } from '../ingest/bench-project.js';
import { createMessageIds } from '../ingest/message-ids.js';

/**
 * The SQLite store's write path alone, in this process, on an existing (e.g. grown) store file:
 * `npx tsx bench/growth/write-cpu.ts <file> [events]` writes the ingest benchmark's events (20 per
 * request, user-0 … user-9999, 50 requests in flight so group commit forms groups as under load)
 * and prints the main thread's CPU per event, the whole process's (threads included), KiB written
 * per event and events/s. Thread CPU comes from /proc, so it hardly depends on the machine's other
 * load, unlike events/s; no HTTP, so the figure is the store's share of a collector's main thread.
 * A diagnosis tool (not part of `pnpm bench`); the file is written to, copy it first.
 */
const [file, count] = process.argv.slice(2);
if (!file) throw new Error('usage: write-cpu.ts <sqlite file> [events]');
const EVENTS = Number(count ?? 20_000);
const IN_FLIGHT = 50;
const BATCH = 20;

/** utime + stime of a /proc stat file, in ms (100 clock ticks per second). */
const cpuMs = (stat: string) => {
  const fields = readFileSync(stat, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const mainThreadMs = () => cpuMs(`/proc/self/task/${process.pid}/stat`);
const processMs = () => cpuMs('/proc/self/stat');
const writtenBytes = () => Number(/^wchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'utf8'))![1]);

const store = openSqliteStore(file);
const nextId = createMessageIds();
let user = 0;
const batch = () => {
  const now = Date.now();
  return Array.from({ length: BATCH }, (_, i) => {
    const n = user++ % 10_000;
    return {
      projectId: benchProject.id,
      messageId: nextId(),
      type: 'track' as const,
      name: 'task_completed',
      anonymousId: `anon-${n}`,
      userId: `user-${n}`,
      timestamp: now,
      receivedAt: now,
      verified: false,
      properties: { plan: 'pro', taskCount: i, source: 'bench' },
      traits: null,
      context: { path: '/projects/42/tasks', title: 'Acme Projects', locale: 'en-US' },
      payloadHash: `h${nextId()}`,
      accountId: null,
    };
  });
};

/** `events` events from IN_FLIGHT senders, each sending its next request once the last is stored. */
async function write(events: number): Promise<void> {
  let sent = 0;
  const sender = async () => {
    for (; sent < events; sent += BATCH) {
      await store.writeEvents(batch());
      // A turn of the event loop between requests, as between HTTP requests.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
}

try {
  await write(4_000);
  const before = { main: mainThreadMs(), all: processMs(), written: writtenBytes(), at: performance.now() };
  await write(EVENTS);
  const seconds = (performance.now() - before.at) / 1000;
  console.log(
    `${EVENTS} events: main thread ${(((mainThreadMs() - before.main) * 1000) / EVENTS).toFixed(1)} µs CPU/event, ` +
      `process ${(((processMs() - before.all) * 1000) / EVENTS).toFixed(1)} µs, ` +
      `${((writtenBytes() - before.written) / 1024 / EVENTS).toFixed(2)} KiB written/event, ${Math.round(EVENTS / seconds)} events/s ` +
      `(load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]})`,
  );
} finally {
  await store.close();
}
