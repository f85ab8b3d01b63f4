import { randomUUID } from 'node:crypto';
import type { JobPayload, JobStore, NewJob, StoredJob } from '../storage/jobs/job-store.js';
import { backoffDelay } from '../webhooks/backoff.js';

/** How a handler asks for another attempt: at `retryAt` (epoch ms), e.g. from `Retry-After`. */
export class RetryJob extends Error {
  override name = 'RetryJob';
  constructor(
    message: string,
    readonly retryAt: number,
  ) {
    super(message);
  }
}

/** A failure no later attempt can fix (a refused target, a removed endpoint): the job is given up. */
export class JobFailed extends Error {
  override name = 'JobFailed';
}

export interface JobContext {
  /** When the next attempt would run: `afterMs` (capped at the handler's `maxMs`) or the back-off. */
  retryAt(afterMs?: number | null): number;
  /** This claim is the job's last allowed attempt: a temporary failure now gives it up. */
  readonly lastAttempt: boolean;
}

/** What runs one kind of job. Any other error it throws is temporary: retried with back-off. */
export interface JobHandler {
  kind: string;
  maxAttempts: number;
  /** Full-jitter exponential back-off between attempts: up to `baseMs × 2^(attempt−1)`, capped at `maxMs`. */
  backoff: { baseMs: number; maxMs: number };
  run(job: StoredJob, context: JobContext): Promise<void>;
}

/** A job enqueued once per period by every instance, so exactly one runs per period. */
export interface JobSchedule {
  kind: string;
  everyMs: number;
}

export interface JobWorkerOptions {
  jobs: JobStore;
  clock: () => number;
  log?: (message: string, error: unknown) => void;
  /** How often the queue is polled for due jobs (retries, other instances' and scheduled jobs). */
  pollMs?: number;
  /** Jobs claimed at once. */
  batch?: number;
  /**
   * How long a claim lasts: longer than any run can take (a webhook's 10 s timeout), so only a
   * claimant that died loses its jobs to another instance, which then runs them again.
   */
  leaseMs?: number;
  random?: () => number;
}

const DEFAULT_POLL_MS = 1_000;
const DEFAULT_BATCH = 10;
const DEFAULT_LEASE_MS = 60_000;

/**
 * Runs the durable queue's jobs in this process: registered handlers by kind. Enqueueing wakes it
 * at once; it also polls (when started) for retries that came due and for jobs other instances
 * enqueued or left behind. `stop()` waits for the jobs in flight. Every instance runs one; the
 * store's claims keep them from running a job twice at the same time.
 */
export class JobWorker {
  /** Names this process's claims in the table (`claimed_by`). */
  readonly id = `worker-${randomUUID().slice(0, 12)}`;
  readonly #options: Required<Omit<JobWorkerOptions, 'log'>> & Pick<JobWorkerOptions, 'log'>;
  readonly #handlers = new Map<string, JobHandler>();
  readonly #schedules: JobSchedule[] = [];
  /** The period each schedule was last enqueued for, so a poll enqueues only when a new one starts. */
  readonly #scheduled = new Map<string, number>();
  #draining: Promise<void> | null = null;
  #again = false;
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(options: JobWorkerOptions) {
    this.#options = {
      pollMs: DEFAULT_POLL_MS,
      batch: DEFAULT_BATCH,
      leaseMs: DEFAULT_LEASE_MS,
      random: Math.random,
      ...options,
    };
  }

  register(handler: JobHandler): this {
    if (this.#handlers.has(handler.kind)) throw new Error(`a handler for job kind "${handler.kind}" is already registered`);
    this.#handlers.set(handler.kind, handler);
    return this;
  }

  /** Runs `kind` (a registered handler, payload `{ period }`) once per `everyMs`, from the period's start. */
  schedule(schedule: JobSchedule): this {
    this.#schedules.push(schedule);
    return this;
  }

  /**
   * Enqueues a job of a registered kind, unless one with the same `key` (within the kind) exists,
   * and wakes the worker. Resolves once the job is stored: it survives a crash from then on.
   */
  async enqueue(kind: string, key: string, payload: JobPayload, runAt = this.#options.clock()): Promise<boolean> {
    const added = await this.#options.jobs.enqueue(this.job(kind, key, payload, runAt), this.#options.clock());
    this.wake();
    return added;
  }

  /**
   * The row `enqueue` would add, for a store to insert inside the transaction of the change that
   * causes it (a crash after that commit cannot lose it); call `wake()` once it has committed.
   */
  job(kind: string, key: string, payload: JobPayload, runAt = this.#options.clock()): NewJob {
    const handler = this.#handlers.get(kind);
    if (!handler) throw new Error(`no handler for job kind "${kind}"`);
    return { kind, key: `${kind}:${key}`, payload, runAt, maxAttempts: handler.maxAttempts };
  }

  /** Runs what is due now, in the background (after an enqueue, or on a poll). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#draining) {
      this.#again = true;
      return;
    }
    this.#draining = this.#drain().finally(() => (this.#draining = null));
  }

  /** Claims and runs due jobs until none is left; resolves when they have finished (tests call it directly). */
  async runDue(): Promise<void> {
    this.wake();
    while (this.#draining) await this.#draining;
  }

  /** Enqueues the current period of every schedule (idempotent across instances), then polls. */
  start(): void {
    if (this.#timer || this.#stopped) return;
    const tick = async () => {
      await this.#enqueueSchedules().catch((error: unknown) => this.#log('could not enqueue scheduled jobs', error));
      this.wake();
      if (!this.#stopped) this.#timer = setTimeout(() => void tick(), this.#options.pollMs);
    };
    void tick();
  }

  /** Claims nothing more and waits for the jobs in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    while (this.#draining) await this.#draining;
  }

  async #enqueueSchedules(): Promise<void> {
    const now = this.#options.clock();
    for (const { kind, everyMs } of this.#schedules) {
      const period = Math.floor(now / everyMs) * everyMs;
      if (this.#scheduled.get(kind) === period) continue;
      await this.enqueue(kind, new Date(period).toISOString(), { period }, period);
      this.#scheduled.set(kind, period);
    }
  }

  async #drain(): Promise<void> {
    const { jobs, batch, leaseMs, clock } = this.#options;
    const kinds = [...this.#handlers.keys()];
    for (;;) {
      this.#again = false;
      let claimed: StoredJob[];
      try {
        claimed = await jobs.claim(this.id, kinds, batch, clock(), leaseMs);
      } catch (error) {
        // The store is unreachable: the next poll tries again.
        this.#log('could not claim jobs', error);
        return;
      }
      await Promise.all(claimed.map((job) => this.#run(job)));
      if (this.#stopped || (claimed.length < batch && !this.#again)) return;
    }
  }

  async #run(job: StoredJob): Promise<void> {
    const { jobs, clock, random } = this.#options;
    const handler = this.#handlers.get(job.kind)!;
    const claim = { id: job.id, claimedBy: this.id, attempts: job.attempts };
    const retryAt = (afterMs?: number | null) =>
      clock() +
      (afterMs === undefined || afterMs === null
        ? backoffDelay(job.attempts, handler.backoff.baseMs, handler.backoff.maxMs, random)
        : Math.min(afterMs, handler.backoff.maxMs));
    try {
      try {
        await handler.run(job, { retryAt, lastAttempt: job.attempts >= job.maxAttempts });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (error instanceof JobFailed) await jobs.fail(claim, message, clock());
        else {
          const status = await jobs.retryLater(claim, error instanceof RetryJob ? error.retryAt : retryAt(), message, clock());
          if (status === 'failed') this.#log(`job ${job.key} failed after ${job.attempts} attempts`, error);
          if (!(error instanceof RetryJob) && status !== 'failed') this.#log(`job ${job.key} failed; retrying`, error);
        }
        return;
      }
      await jobs.complete(claim, clock());
    } catch (error) {
      // Recording the outcome failed (the store went away): the lease ends and the job runs again.
      this.#log(`could not record the outcome of job ${job.key}`, error);
    }
  }

  #log(message: string, error: unknown): void {
    (this.#options.log ?? console.error)(`hearth-collector: ${message}`, error);
  }
}
