import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batch, NOW, pageToken, post, testApp, testConfig, trackEvent } from '../test-support/http.js';
import { scratchDatabase } from '../test-support/postgres-database.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The "Watch" step's query, exactly as docs/identity-verification.md prints it. */
const doc = readFileSync(new URL('../../../../docs/identity-verification.md', import.meta.url), 'utf8');
const WATCH_SQL = /\*\*Watch\.\*\*[\s\S]*?```sql\n([\s\S]*?)```/.exec(doc)?.[1]?.replace(/^ {3}/gm, '') ?? '';

const at = (secondsAgo: number) => new Date(NOW - secondsAgo * 1_000).toISOString();

/**
 * Two browsers of a project that does not enforce yet: one integrated correctly (a page view
 * before sign-in, then identify and events with a token), one whose page passes no token.
 */
async function sendTraffic(store: Store) {
  const { app } = testApp({ store, config: testConfig({ identityVerification: { enforce: false } }) });
  const token = await pageToken('ada');
  const correct = [
    trackEvent({ anonymousId: 'anon-ada', type: 'page', name: undefined, timestamp: at(30) }),
    trackEvent({ anonymousId: 'anon-ada', type: 'identify', name: undefined, userId: 'ada', timestamp: at(20) }),
    trackEvent({ anonymousId: 'anon-ada', userId: 'ada', timestamp: at(10) }),
  ];
  expect((await post(app, batch(correct, { userToken: token }))).status).toBe(200);
  const tokenless = [
    trackEvent({ anonymousId: 'anon-max', type: 'identify', name: undefined, userId: 'max', timestamp: at(20) }),
    trackEvent({ anonymousId: 'anon-max', userId: 'max', timestamp: at(10) }),
  ];
  expect((await post(app, batch(tokenless))).status).toBe(200);
}

/** `verified → events` from the query's rows (SQLite says 0/1, PostgreSQL false/true). */
const tally = (rows: { verified: unknown; events: unknown }[]) =>
  Object.fromEntries(rows.map((row) => [String(Number(row.verified)), Number(row.events)]));

describe('the identity-verification "Watch" query', () => {
  it('is in the doc', () => expect(WATCH_SQL).toMatch(/^WITH first_identify/));

  it('SQLite: flags the token-less page, not the correct one whose pre-identify page view was attributed unverified', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hearth-watch-'));
    try {
      const store = openSqliteStore(join(folder, 'hearth.sqlite'));
      await sendTraffic(store);
      await store.close();
      const db = new Database(join(folder, 'hearth.sqlite'), { readonly: true });
      // The attributed page view is stored unverified: the naive count would flag Ada.
      expect(db.prepare("SELECT verified FROM events WHERE user_id = 'ada' AND type = 'page'").all()).toEqual([{ verified: 0 }]);
      expect(tally(db.prepare(WATCH_SQL).all() as { verified: unknown; events: unknown }[])).toEqual({ 0: 2, 1: 2 });
      db.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  describe('PostgreSQL', () => {
    const scratch = scratchDatabase('hearth_watch');
    beforeAll(scratch.create);
    afterAll(scratch.drop);

    it('gives the same answer', async () => {
      const store = await openPostgresStore(scratch.url);
      await sendTraffic(store);
      await store.close();
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        expect(tally((await client.query<{ verified: unknown; events: unknown }>(WATCH_SQL)).rows)).toEqual({ 0: 2, 1: 2 });
      } finally {
        await client.end();
      }
    });
  });
});
