import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/** One `PRAGMA wal_checkpoint` answer: frames in the WAL and frames copied into the database. */
export interface CheckpointResult {
  /** 1 when the checkpoint could not finish (a reader still uses the WAL, or the lock was held). */
  busy: number;
  log: number;
  checkpointed: number;
}

type Mode = 'PASSIVE' | 'TRUNCATE';
type Pragmas = Pick<Database, 'pragma'>;

export interface WalCheckpointOptions {
  /** How often the worker copies new WAL frames into the database (PASSIVE: never blocks the writer). */
  everyMs?: number;
  /** WAL length, in frames (pages), at which the writer checkpoints by itself and the WAL starts over. */
  restartFrames?: number;
  /** How long writes must have been quiet before the WAL file is truncated to nothing. */
  quietMs?: number;
}

/** 250 ms of ingest is ~1,000–4,000 frames at 2,000–8,000 events/s: what the default autocheckpoint copied each time. */
const EVERY_MS = 250;
/** 16,384 frames of 4 KiB: a 64 MiB WAL, started over every few seconds under sustained ingest. */
export const RESTART_FRAMES = 16_384;
const QUIET_MS = 2_000;
/** A TRUNCATE waits this long for the write lock and for readers still on the WAL, then retries later. */
const TRUNCATE_BUSY_MS = 20;
const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 8_000;
/**
 * Rounds failing in a row (the worker's connection answers an error: I/O, a full disk) before the
 * thread is stopped: the writer then checkpoints every 1,000 frames by itself, as SQLite does
 * without one, instead of copying 64 MiB at a time while the rounds copy nothing.
 */
const FAILURES_BEFORE_FALLBACK = 3;

/*
 * The worker's whole program: a second connection that runs the checkpoints it is asked for. Plain
 * JavaScript evaluated by the Worker, so it runs the same from TypeScript source, under the test
 * runner and compiled (a worker file would need a TypeScript loader in the thread).
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = ' + workerData.busyMs);
parentPort.on('message', (mode) => {
  if (mode === 'CLOSE') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    parentPort.postMessage(db.pragma('wal_checkpoint(' + mode + ')')[0]);
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message) });
  }
});`;

const driverPath = () => createRequire(import.meta.url).resolve('better-sqlite3');

/**
 * WAL checkpoints on a second connection, in a worker thread. A checkpoint copies the WAL's pages
 * into the database file and fsyncs both; SQLite's automatic checkpoint does that inside the
 * COMMIT that crosses 1,000 frames, on the writer's connection, i.e. on the collector's event loop.
 * On a grown store every event dirties index pages of its own, so that copy and its fsyncs became
 * a quarter of the main thread. Here:
 *
 * - every `everyMs` the worker runs a PASSIVE checkpoint, which never takes the write lock: it
 *   copies while the writer goes on appending;
 * - a WAL starts over from its first frame only when a write begins with every frame copied,
 *   which never happens while writes keep coming. The writer's own automatic checkpoint is moved
 *   to `restartFrames` (16× the default): there it copies the few frames the worker's last round
 *   left, fsyncs, and its next write starts the WAL over. That is also the hard cap: should the
 *   worker fall behind or stop, the writer checkpoints as SQLite always does, at 64 MiB instead
 *   of 4 (and at the default again if the thread is gone: it failed, or its rounds failed
 *   `FAILURES_BEFORE_FALLBACK` times in a row, each logged);
 * - after `quietMs` without writes the WAL file is truncated (TRUNCATE), giving its space back.
 *   That takes the write lock, so writes wait for it (`writesPaused`, honoured by the store's
 *   transactions between event-loop turns); a reader still on the WAL makes it retry later.
 *
 * Durability does not change: commits reach the WAL exactly as before, every checkpoint fsyncs the
 * WAL before copying and the database before the WAL is reused, and a checkpoint cut short by a
 * crash is redone from the WAL at the next open.
 */
export class WalCheckpointer {
  readonly #db: Pragmas;
  readonly #everyMs: number;
  readonly #quietMs: number;
  #worker: Worker | null;
  readonly #timer: NodeJS.Timeout;
  #pending: { resolve(result: CheckpointResult): void; reject(error: Error): void } | null = null;
  #running: Promise<CheckpointResult> | null = null;
  #paused: Promise<void> | null = null;
  #lastLog = 0;
  #lastChangeAt = performance.now();
  #retryAt = 0;
  #retryMs = RETRY_MIN_MS;
  #failures = 0;
  #closing = false;

  /** `db` is the writer's connection (its automatic checkpoint is set here); `file` its database. */
  constructor(db: Pragmas, file: string, options: WalCheckpointOptions = {}) {
    this.#db = db;
    this.#everyMs = options.everyMs ?? EVERY_MS;
    this.#quietMs = options.quietMs ?? QUIET_MS;
    const restartFrames = options.restartFrames ?? RESTART_FRAMES;
    db.pragma(`wal_autocheckpoint = ${restartFrames}`);
    // The WAL file keeps its size when it starts over (its frames are overwritten); one that grew
    // past twice the restart length (a reader held it) is cut back to that then.
    db.pragma(`journal_size_limit = ${2 * restartFrames * Number(db.pragma('page_size', { simple: true }))}`);
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: driverPath(), file, busyMs: TRUNCATE_BUSY_MS } });
    worker.unref();
    worker.on('message', (message: CheckpointResult | { error: string }) => {
      const pending = this.#pending;
      this.#pending = null;
      if ('error' in message) pending?.reject(new Error(message.error));
      else pending?.resolve(message);
    });
    worker.on('error', (error) => console.error('hearth-collector: the WAL checkpoint thread failed:', error));
    worker.on('exit', () => this.#stopped(worker));
    this.#worker = worker;
    this.#timer = setInterval(() => void this.#round(), this.#everyMs);
    this.#timer.unref();
  }

  /** While the WAL file is truncated, the promise writes wait for; null when they may go on at once. */
  writesPaused(): Promise<void> | null {
    return this.#paused;
  }

  /**
   * One round: a PASSIVE checkpoint, then a TRUNCATE when writes have been quiet. Runs on the
   * timer; callable directly (tests). Null while a round runs.
   */
  async check(): Promise<CheckpointResult | null> {
    if (this.#running || !this.#worker) return null;
    const passive = await this.#run('PASSIVE');
    const now = performance.now();
    if (passive.log !== this.#lastLog) [this.#lastLog, this.#lastChangeAt] = [passive.log, now];
    const quiet = passive.log > 0 && passive.checkpointed === passive.log && now - this.#lastChangeAt >= this.#quietMs;
    if (!quiet || now < this.#retryAt) return passive;
    const truncate = this.#run('TRUNCATE');
    // Writes only wait for the truncation to end; its failure is this round's, thrown below.
    this.#paused = truncate.then(
      () => undefined,
      () => undefined,
    );
    try {
      const result = await truncate;
      if (result.busy) [this.#retryAt, this.#retryMs] = [performance.now() + this.#retryMs, Math.min(this.#retryMs * 2, RETRY_MAX_MS)];
      else [this.#lastLog, this.#retryMs] = [0, RETRY_MIN_MS];
      return result;
    } finally {
      this.#paused = null;
    }
  }

  /** Stops the rounds and the thread; the writer's connection, closed last, does the final checkpoint. */
  async close(): Promise<void> {
    this.#closing = true;
    clearInterval(this.#timer);
    // A round's failure is reported by whoever started it (the timer logs it); closing only waits.
    await this.#running?.catch(() => undefined);
    const worker = this.#worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.ref();
    worker.postMessage('CLOSE');
    await exited;
  }

  /** The timer's round: a failure is logged, and the thread stopped once rounds keep failing. */
  async #round(): Promise<void> {
    try {
      if ((await this.check()) !== null) this.#failures = 0;
    } catch (error) {
      this.#failures += 1;
      const stop = this.#failures >= FAILURES_BEFORE_FALLBACK;
      console.error(
        `hearth-collector: a WAL checkpoint failed${stop ? ` ${this.#failures} times in a row; stopping the checkpoint thread` : '; retrying at the next round'}`,
        error,
      );
      if (stop) await this.#worker?.terminate();
    }
  }

  #run(mode: Mode): Promise<CheckpointResult> {
    const worker = this.#worker;
    if (!worker) return Promise.reject(new Error('the WAL checkpoint thread has stopped'));
    const running = new Promise<CheckpointResult>((resolve, reject) => {
      this.#pending = { resolve, reject };
      worker.postMessage(mode);
    }).finally(() => {
      if (this.#running === running) this.#running = null;
    });
    this.#running = running;
    return running;
  }

  /** The thread is gone (closed, or failed): the writer checkpoints by itself again. */
  #stopped(worker: Worker): void {
    if (this.#worker !== worker) return;
    this.#worker = null;
    clearInterval(this.#timer);
    this.#pending?.reject(new Error('the WAL checkpoint thread has stopped'));
    this.#pending = null;
    if (!this.#closing)
      console.error('hearth-collector: the WAL checkpoint thread stopped; the writer checkpoints every 1,000 frames by itself');
    try {
      this.#db.pragma('wal_autocheckpoint = 1000');
    } catch {
      // The store is closed already.
    }
  }
}
