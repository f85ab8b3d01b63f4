import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { RollupFold } from './rollup-fold.js';

/** What `/healthz` reports of the rollups. */
export interface RollupStatus {
  /**
   * Every event acknowledged more than this many ms ago is in the rollups: the age of the start of
   * the last fold that left nothing pending. Null until the first such fold.
   */
  lagMs: number | null;
  /** The last background fold's error, if it failed; cleared by the next fold that succeeds. */
  error: string | null;
}

export interface RollupKeeperOptions {
  /** How often the background fold looks for new events. */
  intervalMs?: number;
  /** Queued events per fold transaction: one chunk is what an ingest batch may wait behind. */
  chunk?: number;
}

/** Background folding every second, in chunks an ingest batch can wait behind on SQLite (≈ 10 ms). */
const DEFAULTS = { intervalMs: 1_000, chunk: 2_000 };

/**
 * Keeps the KPI rollups folded in the background, so a dashboard request reads them instead of
 * paying for the events queued since the last read: a fold starts every `intervalMs` and runs
 * chunk after chunk, yielding to I/O between them, until nothing is pending. A KPI read folds one
 * chunk itself first (`beforeRead`): an idle or lightly loaded store answers exactly what was
 * written, and under load a read pays for at most one chunk, reading a rollup at most `lagMs` old.
 */
export class RollupKeeper {
  readonly #fold: RollupFold;
  readonly #options: Required<RollupKeeperOptions>;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #foldedThrough: number | null = null;
  #error: string | null = null;

  constructor(fold: RollupFold, options: RollupKeeperOptions = {}) {
    this.#fold = fold;
    this.#options = { ...DEFAULTS, ...options };
  }

  /** Starts the background folds; the timer never keeps the process alive on its own. */
  start(): void {
    this.#timer ??= setInterval(() => void this.#background(), this.#options.intervalMs);
    this.#timer.unref();
    void this.#background();
  }

  /** Stops the background folds and waits for one in progress. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** Folds until nothing is pending (after a bulk load, or to read exact figures in a test). */
  async catchUp(): Promise<void> {
    await this.#running;
    await this.#drain();
  }

  /** One chunk before a KPI read. */
  async beforeRead(): Promise<void> {
    const startedAt = performance.now();
    if (await this.#fold(this.#options.chunk)) this.#drained(startedAt);
  }

  status(): RollupStatus {
    const lagMs = this.#foldedThrough === null ? null : Math.max(0, Math.round(performance.now() - this.#foldedThrough));
    return { lagMs, error: this.#error };
  }

  #background(): Promise<void> {
    if (this.#running) return this.#running;
    this.#running = this.#drain()
      .then(
        () => void (this.#error = null),
        (error: unknown) => {
          this.#error = error instanceof Error ? error.message : String(error);
          console.error('hearth-collector: folding the KPI rollups failed; retrying in the background', this.#error);
        },
      )
      .finally(() => (this.#running = null));
    return this.#running;
  }

  async #drain(): Promise<void> {
    const startedAt = performance.now();
    while (!(await this.#fold(this.#options.chunk))) await yieldToIo();
    this.#drained(startedAt);
  }

  #drained(startedAt: number): void {
    this.#foldedThrough = Math.max(this.#foldedThrough ?? startedAt, startedAt);
  }
}
