import type { NewEvent, WriteResult } from './store.js';

/** Writes several requests' events in ONE transaction and returns each request's own counts. */
export type GroupWriter = (groups: readonly (readonly NewEvent[])[]) => Promise<WriteResult[]>;

export interface GroupCommitOptions {
  /** How long the first request of an idle writer waits for company. Short: it is added latency. */
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
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

/**
 * Group commit: a commit costs a WAL flush whatever its size, so concurrent requests share one.
 * At most `concurrency` transactions run at a time; requests arriving meanwhile form the next
 * group. Each request's promise settles only after the COMMIT that contains its events (ack
 * after durable).
 */
export class GroupCommitter {
  readonly #write: GroupWriter;
  readonly #windowMs: number;
  readonly #maxEvents: number;
  readonly #concurrency: number;
  #queue: Pending[] = [];
  #queuedEvents = 0;
  #inFlightEvents = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #running = new Set<Promise<void>>();

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
      this.#queue.push({ events, resolve, reject });
      this.#queuedEvents += events.length;
      this.#schedule();
    });
  }

  /** Resolves when everything queued so far is committed (or failed). */
  async drain(): Promise<void> {
    while (this.#queue.length > 0 || this.#running.size > 0) {
      if (this.#timer) {
        clearTimeout(this.#timer);
        this.#timer = null;
        this.#start();
      }
      await Promise.all(this.#running);
    }
  }

  #schedule(): void {
    if (this.#running.size >= this.#concurrency || this.#timer) return;
    if (this.#queuedEvents >= this.#maxEvents) this.#start();
    else this.#timer = setTimeout(() => this.#start(), this.#windowMs);
  }

  #start(): void {
    this.#timer = null;
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
    try {
      const results = await this.#write(group.map((pending) => pending.events));
      group.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      for (const pending of group) pending.reject(error);
    } finally {
      this.#inFlightEvents -= size;
    }
  }
}
