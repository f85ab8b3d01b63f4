import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WalCheckpointer } from './wal-checkpointer.js';

/**
 * The checkpoint thread's answers, one per checkpoint asked for: what its connection answers when
 * `PRAGMA wal_checkpoint` throws (an I/O error, a full disk), which a healthy file never does.
 */
const answers = vi.hoisted(() => ({ script: [] as ('error' | 'ok')[] }));

vi.mock('node:worker_threads', async () => {
  const { EventEmitter } = await import('node:events');
  class ScriptedThread extends EventEmitter {
    ref() {}
    unref() {}
    postMessage(mode: string) {
      if (mode === 'CLOSE') return void setImmediate(() => this.emit('exit', 0));
      const answer = answers.script.shift() ?? 'ok';
      setImmediate(() => this.emit('message', answer === 'ok' ? { busy: 0, log: 0, checkpointed: 0 } : { error: 'disk I/O error' }));
    }
    terminate() {
      setImmediate(() => this.emit('exit', 1));
      return Promise.resolve(1);
    }
  }
  return { Worker: ScriptedThread };
});

afterEach(() => vi.restoreAllMocks());

const autocheckpoint = (db: Database.Database) => db.pragma('wal_autocheckpoint', { simple: true });

describe('WAL checkpoint rounds that fail', () => {
  it('are logged; three in a row stop the thread and give the writer its own checkpoint back', async () => {
    const errors: string[] = [];
    const causes: unknown[] = [];
    vi.spyOn(console, 'error').mockImplementation((message: unknown, cause?: unknown) => {
      errors.push(String(message));
      causes.push(cause);
    });
    const db = new Database(':memory:');
    // Two failures, a success (the count starts over), then failures until the thread is stopped.
    answers.script = ['error', 'error', 'ok', 'error', 'error', 'error'];
    const checkpointer = new WalCheckpointer(db, 'unused.sqlite', { everyMs: 5, quietMs: 3_600_000 });
    try {
      expect(autocheckpoint(db)).toBe(16_384);
      await vi.waitFor(() => expect(errors).toHaveLength(6), { timeout: 5_000 });
      expect(errors).toEqual([
        'hearth-collector: a WAL checkpoint failed; retrying at the next round',
        'hearth-collector: a WAL checkpoint failed; retrying at the next round',
        'hearth-collector: a WAL checkpoint failed; retrying at the next round',
        'hearth-collector: a WAL checkpoint failed; retrying at the next round',
        'hearth-collector: a WAL checkpoint failed 3 times in a row; stopping the checkpoint thread',
        'hearth-collector: the WAL checkpoint thread stopped; the writer checkpoints every 1,000 frames by itself',
      ]);
      expect(causes[0]).toEqual(new Error('disk I/O error'));
      expect(autocheckpoint(db)).toBe(1_000);
      // No more rounds: the timer went with the thread.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(errors).toHaveLength(6);
      expect(await checkpointer.check()).toBeNull();
    } finally {
      await checkpointer.close();
      db.close();
    }
  });
});
