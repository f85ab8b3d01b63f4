import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { rewardsHoldoutBucket } from '../../domain/rewards/holdout.js';
import { newEvent, uniqueProjectId } from '../../test-support/events.js';
import { scratchDatabase } from '../../test-support/postgres-database.js';
import { openPostgresStore } from '../postgres/postgres-store.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import type { Store } from '../store.js';

type Row = { project_id: string; unit_id: string; holdout_bucket: number | null };

/** Raw access to one store's database, beside the store: what an older collector (or a bulk import) left. */
interface Raw {
  exec(sql: string): Promise<void>;
  rows(sql: string): Promise<Row[]>;
}

const kinds: { name: string; setup(): Promise<{ open(): Promise<Store>; raw: Raw }> }[] = [
  {
    name: 'sqlite',
    async setup() {
      const folder = mkdtempSync(join(tmpdir(), 'hearth-buckets-'));
      const file = join(folder, 'hearth.db');
      onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
      return {
        open: async () => openSqliteStore(file),
        raw: {
          async exec(sql) {
            const db = new Database(file);
            db.exec(sql);
            db.close();
          },
          async rows(sql) {
            const db = new Database(file, { readonly: true });
            const rows = db.prepare<[], Row>(sql).all();
            db.close();
            return rows;
          },
        },
      };
    },
  },
  {
    name: 'postgres',
    async setup() {
      const scratch = scratchDatabase('hearth_buckets');
      await scratch.create();
      onTestFinished(scratch.drop);
      const pool = new pg.Pool({ connectionString: scratch.url, max: 1 });
      onTestFinished(() => pool.end());
      return {
        open: () => openPostgresStore(scratch.url),
        raw: {
          exec: async (sql) => void (await pool.query(sql)),
          rows: async (sql) => (await pool.query<Row>(sql)).rows,
        },
      };
    },
  },
];

const UNITS = `SELECT project_id, user_id AS unit_id, holdout_bucket FROM users
  UNION ALL SELECT project_id, account_id, holdout_bucket FROM accounts ORDER BY 1, 2`;

describe.each(kinds)('holdout buckets ($name)', (kind) => {
  it("stores each new user's and account's bucket, and gives rows without one theirs when a store opens", async () => {
    const { open, raw } = await kind.setup();
    const projectId = uniqueProjectId();
    const store = await open();
    await store.writeEvents(
      ['ada', 'bob', 'cat'].map((userId, i) => newEvent({ projectId, userId, anonymousId: `a-${userId}`, timestamp: 1_000 + i })),
    );
    await store.accounts.addMember(projectId, 'acme', 'ada', { joinedAt: 2_000, activeAt: 2_000 });
    await store.accounts.setTraits(projectId, 'globex', { plan: 'pro' }, 3_000);
    await store.close();
    const expected = ['acme', 'ada', 'bob', 'cat', 'globex'].map((unitId) => ({
      project_id: projectId,
      unit_id: unitId,
      holdout_bucket: rewardsHoldoutBucket(projectId, unitId),
    }));
    const sorted = (rows: Row[]) => [...rows].sort((a, b) => (a.unit_id < b.unit_id ? -1 : 1));
    expect(sorted(await raw.rows(UNITS))).toEqual(expected);

    // Rows from before the buckets (or an older collector): filled in when the next store opens.
    await raw.exec('UPDATE users SET holdout_bucket = NULL; UPDATE accounts SET holdout_bucket = NULL');
    expect((await raw.rows(UNITS)).every((row) => row.holdout_bucket === null)).toBe(true);
    const reopened = await open();
    await reopened.close();
    expect(sorted(await raw.rows(UNITS))).toEqual(expected);
  });
});
