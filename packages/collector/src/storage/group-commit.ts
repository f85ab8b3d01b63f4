import type { NewEvent, WriteResult } from '../domain/events.js';
import { isStoreBusy } from './store-busy.js';

/** Writes several requests' events in ONE transaction and returns each request's own counts. */
export type GroupWriter = (groups: readonly (readonly NewEvent[])[]) => Promise<WriteResult[]>;

export interface GroupCommitOptions {
  /**
   * Least time from the end of one transaction to the start of the next when nothing else is
   * running: while requests keep coming, they gather this long and share a commit. A writer idle
   * for longer starts at once.
   */
  windowMs?: number;
  /** Upper bound of events per transaction (whole requests only; one request may exceed it alone). */
  maxEvents?: number;
  /**
   * Transactions allowed in flight at once. 1 for SQLite (one writer, synchronous anyway); more
   * for PostgreSQL, where a group's statements can run while the previous COMMIT waits for its
   * WAL flush. The store must then make overlapping transactions safe (postgres-write-ops.ts).
   */
  concurrency?: number;
}

interface Pending {
  events: readonly NewEvent[];
  /** `performance.now()` when the request handed its events over. */
  since: number;
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit: a commit costs a WAL flush whatever its size, so concurrent requests share one.
 * At most `concurrency` transactions run at a time; requests arriving meanwhile form the next
 * group. Each request's promise settles only after the COMMIT that contains its events (ack
 * after durable).
 *
 * When a shared transaction fails, its requests are retried one per transaction, so a request
 * the store cannot take (or any one-off failure) fails only itself.
 *
 * An idle writer (no transaction for `windowMs`) starts the next one from `setImmediate`: right
 * after the event loop's I/O phase, once the requests that arrived in the same loop turn have been
 * parsed and queued, so a lone request waits for nothing. A writer that has just committed waits
 * out the rest of the window instead: under load that is what makes groups large (SQLite's
 * transaction is synchronous, so nothing arrives while it runs); a transaction per event-loop turn
 * measured 30–75 % more CPU per request at batch size 1 (docs/performance.md, "Group commit").
 */
export class GroupCommitter {
  readonly #write: GroupWriter;
  readonly #windowMs: number;
  readonly #maxEvents: number;
  readonly #concurrency: number;
  #queue: Pending[] = [];
  #queuedEvents = 0;
  #inFlightEvents = 0;
  /** Cancels the scheduled start (a setImmediate or a setTimeout), when there is one. */
  #scheduled: (() => void) | null = null;
  /** `performance.now()` when the last transaction settled. */
  #lastEnd = -Infinity;
  readonly #running = new Set<Promise<void>>();
  /** The requests of each running transaction, oldest first. */
  readonly #runningGroups = new Set<readonly Pending[]>();

  constructor(write: GroupWriter, options: GroupCommitOptions = {}) {
    this.#write = write;
    this.#windowMs = options.windowMs ?? 2;
    this.#maxEvents = options.maxEvents ?? 5_000;
    this.#concurrency = options.concurrency ?? 1;
  }

  /** Events queued or being written. */
  get pending(): number {
    return this.#queuedEvents + this.#inFlightEvents;
  }

  write(events: readonly NewEvent[]): Promise<WriteResult> {
    if (events.length === 0) return Promise.resolve({ accepted: 0, duplicates: 0, conflicts: 0 });
    return new Promise((resolve, reject) => {
      this.#queue.push({ events, since: performance.now(), resolve, reject });
      this.#queuedEvents += events.length;
      this.#schedule();
    });
  }

  /**
   * How long the oldest write still waiting (queued or in a transaction) has waited, in ms; 0 when
   * none is. It grows while the database stalls (a lock held elsewhere), whatever the backlog.
   */
  oldestWaitMs(): number {
    const oldest = Math.min(this.#queue[0]?.since ?? Infinity, ...[...this.#runningGroups].map((group) => group[0]!.since));
    return oldest === Infinity ? 0 : performance.now() - oldest;
  }

  /** Resolves when everything queued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.#queue.length > 0 || this.#running.size > 0) {
      if (this.#scheduled) this.#start();
      await Promise.all(this.#running);
    }
  }

  #schedule(): void {
    if (this.#running.size >= this.#concurrency || this.#scheduled) return;
    if (this.#queuedEvents >= this.#maxEvents) return this.#start();
    const wait = this.#lastEnd + this.#windowMs - performance.now();
    if (wait <= 0) {
      const immediate = setImmediate(() => this.#start());
      this.#scheduled = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(() => this.#start(), wait);
      this.#scheduled = () => clearTimeout(timer);
    }
  }

  #start(): void {
    this.#scheduled?.();
    this.#scheduled = null;
    if (this.#running.size >= this.#concurrency || this.#queue.length === 0) return;
    const running: Promise<void> = this.#flush().finally(() => {
      this.#running.delete(running);
      // Requests that arrived during the transaction were waiting already: go at once.
      if (this.#queue.length > 0) this.#start();
    });
    this.#running.add(running);
    // A free slot and a queue still over the size bound: the next group need not wait.
    if (this.#queuedEvents >= this.#maxEvents) this.#start();
  }

  #take(): Pending[] {
    const taken: Pending[] = [];
    let size = 0;
    while (this.#queue.length > 0) {
      const next = this.#queue[0]!;
      if (taken.length > 0 && size + next.events.length > this.#maxEvents) break;
      taken.push(this.#queue.shift()!);
      size += next.events.length;
    }
    this.#queuedEvents -= size;
    this.#inFlightEvents += size;
    return taken;
  }

  async #flush(): Promise<void> {
    const group = this.#take();
    const size = group.reduce((sum, pending) => sum + pending.events.length, 0);
    this.#runningGroups.add(group);
    try {
      const results = await this.#write(group.map((pending) => pending.events));
      group.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      // A busy database (lock held elsewhere, timeout) is no one request's fault: retrying each
      // alone would only wait out the lock budget once per request.
      if (group.length === 1 || isStoreBusy(error)) for (const pending of group) pending.reject(error);
      // The transaction rolled back as a whole: one request's events must not fail the others',
      // so each is written again in a transaction of its own and settles with its own outcome.
      else for (const pending of group) await this.#write([pending.events]).then(([result]) => pending.resolve(result!), pending.reject);
    } finally {
      this.#runningGroups.delete(group);
      this.#inFlightEvents -= size;
      this.#lastEnd = performance.now();
    }
  }
}
