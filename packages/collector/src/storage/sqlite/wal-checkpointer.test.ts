import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { newEvent } from '../../test-support/events.js';
import { openSqliteStore } from './sqlite-store.js';
import { WalCheckpointer } from './wal-checkpointer.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAGE = 4096;
/** A WAL file of `frames` frames: a 32-byte header, then a 24-byte header and a page per frame. */
const walBytes = (frames: number) => 32 + frames * (24 + PAGE);
const ROW = 'x'.repeat(3_000);

/** A writer connection as the store opens it, on a table whose rows each fill most of a page. */
function writer(name: string) {
  const file = join(dir, name);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (body) VALUES (?)');
  const write = db.transaction((rows: number) => {
    for (let i = 0; i < rows; i++) insert.run(ROW);
  });
  return { file, db, write };
}

// Timers off: each test drives the rounds itself with check().
const manual = { everyMs: 3_600_000, quietMs: 3_600_000 };

describe('WAL checkpoints on a second connection', () => {
  it('copies every committed frame on its own connection, keeps the WAL bounded, and a reader sees every row', async () => {
    const { file, db, write } = writer('bounded.sqlite');
    const checkpointer = new WalCheckpointer(db, file, { ...manual, restartFrames: 200 });
    try {
      // 100 commits of 20 rows of 3,000 bytes: each commit appends ~21 frames (20 leaf pages and
      // the interior page), ~2,100 frames in all, 10 times the restart length.
      const rounds = [];
      for (let round = 0; round < 100; round++) {
        write(20);
        rounds.push(await checkpointer.check());
      }
      // With no reader, each round copies everything written so far.
      expect(rounds.filter((r) => r === null || r.busy !== 0 || r.checkpointed !== r.log)).toEqual([]);
      // The writer starts the WAL over once a commit leaves ≥ 200 frames in it, so it never holds
      // more than 200 + 21 frames (the commit that crossed the mark), plus slack for the table's
      // interior pages: 260 frames = 1,071,392 bytes, against ~8.7 MB had it never started over.
      expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(walBytes(260));
      const reader = new Database(file, { readonly: true });
      try {
        expect(reader.prepare('SELECT count(*) AS rows, sum(length(body)) AS bytes FROM t').get()).toEqual({
          rows: 2_000,
          bytes: 2_000 * 3_000,
        });
      } finally {
        reader.close();
      }
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  it('copies only what a reader still on the WAL allows: its snapshot stays whole', async () => {
    const { file, db, write } = writer('pinned.sqlite');
    const checkpointer = new WalCheckpointer(db, file, { ...manual, quietMs: 0 });
    const reader = new Database(file, { readonly: true });
    try {
      write(10);
      reader.exec('BEGIN');
      const count = reader.prepare('SELECT count(*) FROM t').pluck();
      expect(count.get()).toBe(10);
      write(100);
      const result = await checkpointer.check();
      // Not all copied, so no TRUNCATE is tried (quietMs 0 would allow one).
      expect(result?.checkpointed).toBeLessThan(result!.log);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      expect(count.get()).toBe(10);
      reader.exec('COMMIT');
      expect(count.get()).toBe(110);
    } finally {
      reader.close();
      await checkpointer.close();
      db.close();
    }
  });

  it('truncates the WAL file once writes are quiet', async () => {
    const { file, db, write } = writer('quiet.sqlite');
    const checkpointer = new WalCheckpointer(db, file, { everyMs: 3_600_000, quietMs: 0 });
    try {
      write(30);
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(walBytes(30));
      const result = await checkpointer.check();
      expect(result?.busy).toBe(0);
      expect(statSync(`${file}-wal`).size).toBe(0);
      expect(db.prepare('SELECT count(*) FROM t').pluck().get()).toBe(30);
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  it("moves the writer's own checkpoint to the restart length, and back to the default once the thread stops", async () => {
    const { file, db } = writer('cap.sqlite');
    const checkpointer = new WalCheckpointer(db, file, manual);
    // 16,384 frames of 4 KiB = a 64 MiB WAL, against SQLite's 1,000 frames.
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(16_384);
    await checkpointer.close();
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
    db.close();
  });

  it('a store closes cleanly: the WAL is copied and removed, and every event is there on reopening', async () => {
    const file = join(dir, 'store.sqlite');
    const store = openSqliteStore(file);
    await store.writeEvents(Array.from({ length: 500 }, (_, i) => newEvent({ projectId: 'p', anonymousId: `a${i % 25}` })));
    await store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = openSqliteStore(file);
    try {
      expect(await reopened.listEvents('p')).toHaveLength(500);
    } finally {
      await reopened.close();
    }
  });
});
