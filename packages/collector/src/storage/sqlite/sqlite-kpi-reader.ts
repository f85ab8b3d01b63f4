import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { KpiParams } from './sqlite-kpi-rows.js';

type KpiRead = { sql: string; params: KpiParams };
export type KpiReaderRequest = KpiRead & { id: number };
export type KpiReaderResponse = { id: number; rows: unknown[] } | { id: number; error: { message: string; code: string | undefined } };
/** The reader's first message: its connection is open, reads are answered from now on. */
export type KpiReaderReady = { ready: true };

type Pending = { resolve(rows: unknown[]): void; reject(error: Error): void };

/** Every reader this process started, killed if it exits without closing its store (see `startReader`). */
const running = new Set<ChildProcess>();
let killOnExit = false;

/**
 * KPI reads of a SQLite file, in a child process: better-sqlite3 runs a statement synchronously, so
 * on the main thread a long KPI query froze ingest and health checks for as long as it ran. Not a
 * worker thread: a statement inside SQLite cannot be interrupted there (better-sqlite3 has no
 * sqlite3_interrupt), and the process could not exit until it ended; a process can be killed.
 * `close()` kills it, which cancels a statement still running.
 *
 * It starts at the first KPI read (most stores, and tests, never read a KPI), or at `start()`: the
 * collector's `start` starts it with the store, so no dashboard request pays for forking a process
 * and loading its modules (0.1 s compiled, 0.5 s under tsx), and `/readyz` waits for it (`readiness`).
 */
export class SqliteKpiReader {
  readonly #file: string;
  #worker: ChildProcess | null = null;
  #ready = false;
  #eager = false;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;

  constructor(file: string) {
    this.#file = file;
  }

  /** Starts the process now rather than at the first read, and keeps one running (see `readiness`). */
  start(): void {
    this.#eager = true;
    this.#worker ??= this.#start();
  }

  /**
   * Null when a started reader answers reads, or when it is started on demand; else why not. A
   * reader started by `start()` that has exited since (killed by the OS) is started again here, so
   * the health checks that see it missing are what bring it back.
   */
  readiness(): string | null {
    if (!this.#eager) return null;
    if (!this.#worker) this.start();
    return this.#ready ? null : 'the SQLite KPI reader process is starting';
  }

  #start(): ChildProcess {
    const worker = startReader(this.#file);
    this.#ready = false;
    // An idle reader never keeps the collector alive on its own; `#send` refs it while a read waits.
    worker.unref();
    worker.channel?.unref();
    worker.on('message', (message: KpiReaderResponse | KpiReaderReady) => {
      if ('ready' in message) {
        if (this.#worker === worker) this.#ready = true;
        return;
      }
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (this.#pending.size === 0) worker.unref();
      if (!pending) return;
      if ('rows' in message) pending.resolve(message.rows);
      else pending.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
    });
    worker.on('exit', () => {
      running.delete(worker);
      for (const pending of this.#pending.values()) pending.reject(new Error('the KPI reader process has stopped'));
      this.#pending.clear();
      if (this.#worker === worker) {
        this.#worker = null;
        this.#ready = false;
      }
    });
    return worker;
  }

  /** One KPI read statement's rows; the connection is read-only. */
  rows<T>(sql: string, params: KpiParams): Promise<T[]> {
    return this.#send({ sql, params }) as Promise<T[]>;
  }

  async close(): Promise<void> {
    this.#eager = false;
    const worker = this.#worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    // Awaiting the exit is waiting on the reader too: an unref'd process handle would let Node
    // leave before the exit is reported, and `close()` would never settle.
    worker.ref();
    worker.kill('SIGKILL');
    await exited;
  }

  #send(request: KpiRead): Promise<unknown[]> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      const worker = (this.#worker ??= this.#start());
      // A read that is awaited must hold the process open until it answers: with only the unref'd
      // reader left (a script, a bench child, a CLI command reading one KPI) Node would otherwise
      // exit 0 with the read's promise never settled. The ref must land on the worker this read is
      // sent to, including the one started just above for the first read.
      worker.ref();
      worker.send({ ...request, id });
    });
  }
}

/**
 * From TypeScript source (through tsx) or compiled: the child runs the same way its parent does.
 * A process that exits without closing its store (`process.exit`, an uncaught error) kills its
 * readers on the way out; one that is killed outright cannot, and its reader exits by itself when
 * the IPC channel closes (sqlite-kpi-worker.ts).
 */
function startReader(file: string): ChildProcess {
  const fromSource = import.meta.url.endsWith('.ts');
  const module = fileURLToPath(new URL(`./sqlite-kpi-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url));
  const worker = fork(module, [file], {
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  running.add(worker);
  if (!killOnExit) {
    killOnExit = true;
    process.once('exit', () => {
      for (const reader of running) reader.kill('SIGKILL');
    });
  }
  return worker;
}
