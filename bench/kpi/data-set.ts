import { hash } from 'node:crypto';
import type { NewEvent, Store } from '../../packages/collector/src/index.js';
import { ActivityModel, type Announcement, type RawEvent } from './day-events.js';
import { createPopulation, DAY_MS, expectedEvents, type BenchUser } from './population.js';
import { PROJECT_ID } from './project.js';
import { createRandom } from './random.js';
import { createWriteQueue } from './pool.js';

export interface DataSetOptions {
  /** Events to generate (approximately: activity is random, the total lands within a few %). */
  events: number;
  users: number;
  days: number;
  seed: number;
  /** The data set's "now": the last day ends here. */
  end: number;
  announcements: readonly Announcement[];
}

/** `writeEvents` calls of this size; group commit folds concurrent ones into ≤ 5,000-event transactions. */
const CHUNK = 2_500;

/**
 * Time-ordered ids: 10 base-32 digits of the event's milliseconds, then a 16-digit sequence, so
 * ids sort as the events do and the primary key grows at its right edge, like the widget's ULIDs.
 */
const timeOrderedId = (ms: number, seq: number) => `${ms.toString(32).padStart(10, '0')}${seq.toString(32).padStart(16, '0')}`;

function toNewEvent(raw: RawEvent, messageId: string): NewEvent {
  return {
    projectId: PROJECT_ID,
    messageId,
    type: raw.type,
    name: raw.name,
    anonymousId: raw.anonymousId,
    userId: raw.userId,
    accountId: raw.accountId,
    timestamp: raw.at,
    receivedAt: raw.at + 150,
    verified: false,
    properties: raw.properties,
    traits: raw.traits,
    context: null,
    // Only compared on a repeated id (never here); the hash of the id is as wide as a real one.
    payloadHash: hash('sha256', messageId),
  };
}

/** PostgreSQL's lock_not_available: a write that waited too long for another transaction's row lock. */
const LOCK_TIMEOUT = '55P03';

/**
 * `writeEvents`, again after a lock timeout, as a client does after the 503 it would have got: on
 * a busy machine a 5,000-event group can hold a user's row longer than the write path's lock wait.
 */
async function writeRetrying(store: Store, events: NewEvent[], attempts = 5): ReturnType<Store['writeEvents']> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await store.writeEvents(events);
    } catch (error) {
      if (attempt >= attempts || (error as { code?: unknown }).code !== LOCK_TIMEOUT) throw error;
    }
  }
}

export interface GeneratedEvents {
  model: ActivityModel;
  users: BenchUser[];
  written: number;
  accepted: number;
}

/**
 * Generates the data set day by day (memory stays at one day's events) and writes each day's
 * events, sorted by time, through `store.writeEvents` with up to `inFlight` calls outstanding.
 */
export async function writeActivity(store: Store, options: DataSetOptions, inFlight: number): Promise<GeneratedEvents> {
  const random = createRandom(options.seed);
  const users = createPopulation(random, createRandom(options.seed + 2), options.users, options.days);
  const start = options.end - options.days * DAY_MS;
  // ~3 % of events come from visitors who never identify (about 3 page views each).
  const visitors = Math.round((options.events * 0.03) / 3);
  const visitorDays = Array.from({ length: visitors }, () => random.int(options.days));
  const scale = (options.events * 0.93) / expectedEvents(users);
  const model = new ActivityModel({ random, start, scale, announcements: options.announcements });
  const queue = createWriteQueue(inFlight);
  let seq = 0;
  let accepted = 0;
  let written = 0;
  for (let day = 0; day < options.days; day++) {
    const raw: RawEvent[] = [];
    for (const user of users) model.userDay(user, day, raw);
    visitorDays.forEach((d, index) => d === day && model.visitorDay(index, day, raw));
    raw.sort((a, b) => a.at - b.at);
    const rows = raw.map((event) => toNewEvent(event, timeOrderedId(event.at, seq++)));
    written += rows.length;
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await queue.push(async () => {
        const result = await writeRetrying(store, chunk);
        accepted += result.accepted;
      });
    }
  }
  await queue.drain();
  return { model, users, written, accepted };
}
