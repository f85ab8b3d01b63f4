import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { storeConformance } from '../conformance/index.js';
import { accountRollupConformance } from '../conformance/account-rollup.js';
import { kpiChecklistRollupConformance } from '../conformance/kpi-checklist-rollup.js';
import { kpiRollupConformance } from '../conformance/kpi-rollup.js';
import { createFoldChunk } from '../kpi/fold-chunk.js';
import { SQLITE_FOLD_QUEUE } from '../kpi/rollup-fold.js';
import { loadMigrations } from '../migrations/migrate.js';
import { openSqliteStore } from './sqlite-store.js';
import { newEvent } from '../../test-support/events.js';

const dir = mkdtempSync(join(tmpdir(), 'hearth-sqlite-'));
const file = join(dir, 'hearth.sqlite');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeConformance('sqlite', async () => openSqliteStore(file));
// Folds of a few events each: the dirty subjects must wait for the queue to empty (rollup-fold.ts).
describe('sqlite, rollups folded 7 events at a time', () => {
  const open = async () => openSqliteStore(file, { rollups: { chunk: 7 } });
  kpiRollupConformance(open);
  kpiChecklistRollupConformance(open);
  accountRollupConformance(open);
});

describe('sqlite store', () => {
  it('runs in WAL mode with synchronous=NORMAL and records applied migrations once', async () => {
    await openSqliteStore(file).close();
    await openSqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.prepare('SELECT version FROM hearth_migrations ORDER BY version').all()).toEqual(
        loadMigrations('sqlite').map((m) => ({ version: m.version })),
      );
    } finally {
      db.close();
    }
  });

  it('keeps planner statistics: sqlite_stat1 covers the events indexes after a load', async () => {
    const analyzed = join(dir, 'analyzed.sqlite');
    const store = openSqliteStore(analyzed);
    await store.writeEvents(Array.from({ length: 2_000 }, (_, i) => newEvent({ projectId: 'p', anonymousId: `a${i % 40}` })));
    await store.close();
    const db = new Database(analyzed, { readonly: true });
    try {
      const stats = db.prepare<[], { idx: string }>("SELECT idx FROM sqlite_stat1 WHERE tbl = 'events'").all();
      expect(stats.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('refreshes statistics at open only while the file is small: a large store opens without reading every index', async () => {
    const eventStats = (file: string) => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare("SELECT idx FROM sqlite_stat1 WHERE tbl = 'events'").all().length;
      } finally {
        db.close();
      }
    };
    // A store with events but no statistics for them (a bulk import, an index rebuilt), small or over 64 MiB.
    const unanalyzed = async (name: string, fillerBytes: number) => {
      const file = join(dir, name);
      const store = openSqliteStore(file);
      await store.writeEvents(Array.from({ length: 200 }, (_, i) => newEvent({ projectId: 'p', anonymousId: `a${i % 40}` })));
      await store.close();
      const db = new Database(file);
      db.exec("DELETE FROM sqlite_stat1 WHERE tbl = 'events'");
      db.exec(`CREATE TABLE filler (b BLOB); INSERT INTO filler VALUES (zeroblob(${fillerBytes}))`);
      db.close();
      return file;
    };
    for (const [name, filler, analyzedAtOpen] of [
      ['small.sqlite', 0, true],
      ['large.sqlite', 65 * 2 ** 20, false],
    ] as const) {
      const file = await unanalyzed(name, filler);
      expect(eventStats(file)).toBe(0);
      const store = openSqliteStore(file);
      try {
        expect(eventStats(file) > 0).toBe(analyzedAtOpen);
      } finally {
        await store.close();
      }
    }
  });

  it('folds the KPI queue by seeking the queued events, even with statistics from when the store was small', async () => {
    // What a bulk load leaves: the table's row count from an earlier analyze, none for its
    // rebuilt indexes. Planned by those, a join chose to scan every event per folded chunk.
    const stale = join(dir, 'stale-stats.sqlite');
    await openSqliteStore(stale).close();
    const db = new Database(stale);
    try {
      db.exec("DELETE FROM sqlite_stat1 WHERE tbl = 'events'; INSERT INTO sqlite_stat1 VALUES ('events', 'events', '20000 1001 1')");
      db.exec('ANALYZE sqlite_schema');
      db.exec(createFoldChunk('sqlite'));
      const plan = db
        .prepare<[number], { detail: string }>(`EXPLAIN QUERY PLAN ${SQLITE_FOLD_QUEUE.chunk}`)
        .all(1)
        .map((row) => row.detail);
      expect(plan).toContain('SEARCH e USING PRIMARY KEY (project_id=? AND message_id=?)');
      expect(plan.filter((step) => /^SCAN e\b/.test(step))).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('refuses a database migrated by a newer collector', async () => {
    const newer = join(dir, 'newer.sqlite');
    await openSqliteStore(newer).close();
    const db = new Database(newer);
    db.prepare('INSERT INTO hearth_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('future');
    db.close();
    expect(() => openSqliteStore(newer)).toThrow(/newer than this collector/);
  });
});
