import { randomUUID } from 'node:crypto';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { JobStore, StoredJob } from '../jobs/job-store.js';
import type { SqlRunner } from '../sql/runner.js';
import { ask, type Transact } from '../sql/transaction.js';
import type { ChecklistRollup } from './checklist-fold.js';
import type { ItemDefinition } from './item-definition.js';
import type { RollupFold } from './rollup-fold.js';

/** The job kind of a definition's build; its key names the project and the definition. */
export const DEFINITION_BUILD_JOB = 'kpi.item-definition.build';

/** Named as the rollup keeper's options, which the stores pass on (`StoreTuning.rollups`). */
export interface DefinitionBuildsOptions {
  /** How often this process looks for build jobs (its own, other collectors', left by a restart). */
  intervalMs?: number;
  /** Events of the definition per build chunk, one chunk per fold transaction. */
  chunk?: number;
  /** How long a claim lasts: a collector that dies mid-build leaves the rest to another after it. */
  leaseMs?: number;
}

const DEFAULTS = { intervalMs: 1_000, chunk: 2_000, leaseMs: 300_000 };
/** Claims a build may take: each restart during a build takes one (it resumes from its cursor). */
const MAX_ATTEMPTS = 20;
const RETRY_AFTER_MS = 60_000;

type BuildPayload = { projectId: string; definition: string; event: string; filter: string };

const buildKey = (projectId: string, definition: string) => `${DEFINITION_BUILD_JOB}:${projectId}:${definition}`;

/**
 * The checklist rollup's definition builds as durable jobs (`store.jobs`): a KPI read that finds a
 * definition missing enqueues its build, so a restart loses no request and any collector on the
 * database claims it (PostgreSQL: `SKIP LOCKED`; SQLite: the exclusive write transaction). The
 * claimant builds it through the fold (`ChecklistRollup.build`), a chunk per fold transaction; the
 * progress (`kpi_item_definitions.built_through`) is in the database, so a build taken over after a
 * crash or a stop resumes where it was. Unused definitions are dropped by `prune`.
 */
export class DefinitionBuilds {
  /** Names this process's claims in the jobs table. */
  readonly id = `definition-builds-${randomUUID().slice(0, 12)}`;
  readonly #jobs: JobStore;
  readonly #sql: SqlRunner;
  readonly #transact: Transact;
  readonly #fold: RollupFold;
  readonly #step: ChecklistRollup;
  readonly #options: Required<DefinitionBuildsOptions>;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #stopped = false;
  #backlog = 0;

  constructor(
    parts: { jobs: JobStore; sql: SqlRunner; transact: Transact; fold: RollupFold; step: ChecklistRollup },
    options: DefinitionBuildsOptions = {},
  ) {
    this.#jobs = parts.jobs;
    this.#sql = parts.sql;
    this.#transact = parts.transact;
    this.#fold = parts.fold;
    this.#step = parts.step;
    this.#options = { ...DEFAULTS, ...options };
  }

  /**
   * Enqueues the builds of `items` (a definition already built or enqueued adds nothing). The next
   * poll claims them, here or in another collector: the read that asked answers from `events`.
   * A build given up (its attempts spent) keeps its job, and with it its key, until the jobs purge
   * a month later: asked for again, it starts over rather than leave the reads on `events`.
   */
  async request(projectId: string, items: readonly ItemDefinition[]): Promise<void> {
    const now = Date.now();
    for (const { definition, event, filter } of items) {
      const payload: BuildPayload = { projectId, definition, event, filter };
      const job = { kind: DEFINITION_BUILD_JOB, key: buildKey(projectId, definition), payload, runAt: now, maxAttempts: MAX_ATTEMPTS };
      const enqueued = await this.#jobs.enqueueOrRestart(job, now);
      if (enqueued) this.#backlog += 1;
      if (enqueued === 'restarted')
        console.error(
          `hearth-collector: the build of checklist item definition ${definition} (project ${projectId}) had been given up; a read asked for it again, so it starts over`,
        );
    }
  }

  /** Build jobs not finished, as of the last look (`/healthz`: apart from the fold's lag). */
  backlog(): number {
    return this.#backlog;
  }

  /** Polls for build jobs every `intervalMs`; the timer never keeps the process alive on its own. */
  start(): void {
    if (this.#timer || this.#stopped) return;
    this.#timer = setInterval(() => this.#wake(), this.#options.intervalMs);
    this.#timer.unref();
    this.#wake();
  }

  /** Runs every due build to its end (after a bulk load, or in a test), after the one in progress. */
  async runDue(): Promise<void> {
    while (this.#running) await this.#running;
    await this.#track(this.#drain());
  }

  /** Claims nothing more; a build in progress stops after its chunk and is left due for the next claim. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /**
   * Drops the project's definitions that are not in `keep`, with their rollup rows and their build
   * jobs (so asking for one again builds it anew); how many. On PostgreSQL it takes the fold's lock
   * first, so no fold in flight writes rows of a definition after it is gone.
   */
  prune(projectId: string, keep: readonly string[]): Promise<number> {
    const kept = new Set(keep);
    return this.#transact(function* (tx) {
      if (tx.dialect === 'postgres') yield* ask(tx.run('LOCK TABLE kpi_activity_days IN SHARE ROW EXCLUSIVE MODE', []));
      const rows = yield* ask(
        tx.all<{ definition: string }>('SELECT definition FROM kpi_item_definitions WHERE project_id = $1', [projectId]),
      );
      const unused = rows.map((row) => row.definition).filter((definition) => !kept.has(definition));
      for (const definition of unused) {
        yield* ask(tx.run('DELETE FROM kpi_item_firsts WHERE project_id = $1 AND definition = $2', [projectId, definition]));
        yield* ask(tx.run('DELETE FROM kpi_item_definitions WHERE project_id = $1 AND definition = $2', [projectId, definition]));
        yield* ask(tx.run('DELETE FROM jobs WHERE key = $1', [buildKey(projectId, definition)]));
      }
      return unused.length;
    });
  }

  #wake(): void {
    if (this.#stopped || this.#running) return;
    this.#track(this.#drain()).catch((error: unknown) =>
      console.error('hearth-collector: building checklist item definitions failed', error),
    );
  }

  /** One drain at a time: a poll during `runDue` must not claim a job `runDue` would then wait for. */
  #track(run: Promise<void>): Promise<void> {
    // `settled` only marks the drain's end; its error reaches the caller through `run`.
    const settled: Promise<void> = run
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        if (this.#running === settled) this.#running = null;
      });
    this.#running = settled;
    return run;
  }

  async #drain(): Promise<void> {
    while (!this.#stopped) {
      this.#backlog = await this.#count();
      if (this.#backlog === 0) return;
      const now = Date.now();
      const [job] = await this.#jobs.claim(this.id, [DEFINITION_BUILD_JOB], 1, now, this.#options.leaseMs);
      // The rest are claimed by other collectors, or wait for a retry.
      if (!job) return;
      await this.#build(job);
    }
  }

  async #build(job: StoredJob): Promise<void> {
    const { projectId, definition, event, filter } = job.payload as BuildPayload;
    const claim = { id: job.id, claimedBy: this.id, attempts: job.attempts };
    this.#step.build(projectId, { definition, event, filter });
    try {
      while (!this.#step.built(projectId, definition)) {
        // Left due at once: the next claim, here after a restart or by another collector, resumes it.
        if (this.#stopped)
          return void (await this.#jobs.retryLater(claim, Date.now(), 'the collector stopped during the build', Date.now()));
        await this.#fold(this.#options.chunk);
        await yieldToIo();
      }
      await this.#jobs.complete(claim, Date.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.#jobs.retryLater(claim, Date.now() + RETRY_AFTER_MS, message, Date.now());
      throw error;
    } finally {
      this.#step.forget(projectId, definition);
    }
  }

  /** Build jobs pending or running (the partial indexes of migration 013 hold just those rows). */
  async #count(): Promise<number> {
    const [row] = await this.#sql.all<{ n: number | string }>(
      `SELECT (SELECT count(*) FROM jobs WHERE status = 'pending' AND kind = $1)
        + (SELECT count(*) FROM jobs WHERE status = 'running' AND kind = $1) AS n`,
      [DEFINITION_BUILD_JOB],
    );
    return Number(row?.n ?? 0);
  }
}
