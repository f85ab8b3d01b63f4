import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { uniqueProjectId } from '../../test-support/events.js';
import { scratchDatabase } from '../../test-support/postgres-database.js';
import { openPostgresStore } from '../postgres/postgres-store.js';
import { openSqliteStore } from '../sqlite/sqlite-store.js';
import type { Store } from '../store.js';
import { seedPerson } from './seed-person.js';

/** Every row of every table, as text: whatever table a later feature adds is scanned too. */
type DumpTables = () => Promise<Map<string, string[]>>;

/**
 * After an erasure, no table holds the person's id, anonymous id, referral code, trait value or
 * comment in any column — checked on the raw databases, not through the store that did the deleting.
 */
async function eraseAndScan(store: Store, dump: DumpTables) {
  const projectId = uniqueProjectId();
  const person = await seedPerson(store, projectId, 'usr_erased_4f2a', 'usr_kept_friend');
  await seedPerson(store, projectId, 'usr_kept_9c1b', 'usr_kept_other');
  await store.users.erase(projectId, person.userId);
  const needles = [person.userId, person.anonymousId, person.referralCode, ...person.secrets];
  const tables = await dump();
  const residue = [...tables].flatMap(([table, rows]) =>
    rows.filter((row) => needles.some((needle) => row.includes(needle))).map((row) => `${table}: ${row}`),
  );
  expect(residue).toEqual([]);
  // The scan really reads the data: the other person is still there, in the same tables.
  const kept = [...tables].filter(([, rows]) => rows.some((row) => row.includes('usr_kept_9c1b'))).map(([table]) => table);
  expect(kept).toEqual(
    expect.arrayContaining([
      'events',
      'identities',
      'users',
      'survey_responses',
      'reward_entries',
      'reward_balances',
      'reward_redemptions',
      'reward_referral_codes',
      'account_members',
      'checklist_assignments',
    ]),
  );
}

describe('erasure leaves nothing in any table', () => {
  it('on SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-erase-'));
    const file = join(dir, 'hearth.sqlite');
    const store = openSqliteStore(file);
    try {
      await eraseAndScan(store, async () => {
        const db = new Database(file, { readonly: true });
        try {
          const tables = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
          return new Map(
            tables.map(({ name }) => [
              name,
              db
                .prepare(`SELECT * FROM "${name}"`)
                .all()
                .map((row) => JSON.stringify(row)),
            ]),
          );
        } finally {
          db.close();
        }
      });
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const scratch = scratchDatabase();
  afterAll(scratch.drop);

  it('on PostgreSQL', async () => {
    await scratch.create();
    const store = await openPostgresStore(scratch.url);
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
    try {
      await eraseAndScan(store, async () => {
        const { rows } = await client.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
        );
        const dumped = new Map<string, string[]>();
        // One query at a time: a pg client runs its queries in sequence anyway.
        for (const { name } of rows)
          dumped.set(
            name,
            (await client.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM "${name}" t`)).rows.map((r) => r.row),
          );
        return dumped;
      });
    } finally {
      await client.end();
      await store.close();
    }
  });
});
