import { ANNOUNCEMENT_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { record } from '../../domain/announcements/test-fixtures.js';
import { eventsMigration } from './migrations/001-events.js';
import { announcementsMigration } from './migrations/005-announcements.js';
import { postgresAnnouncementStore } from './postgres-announcements.js';

const ADMIN_URL = process.env.HEARTH_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `hearth_test_${Math.random().toString(36).slice(2, 10)}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;
let pool: pg.Pool;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE ${database}`);
  pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  await pool.query(eventsMigration.sql);
  await pool.query(announcementsMigration.sql);
});
afterAll(async () => {
  await pool.end();
  await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
});

let n = 0;
const track = (name: string, user: { userId?: string; anonymousId?: string }, properties: object, at = 1_000) =>
  pool.query(
    `INSERT INTO events (project_id, message_id, type, name, anonymous_id, user_id, timestamp, received_at, verified, properties, payload_hash)
     VALUES ('p', $1, 'track', $2, $3, $4, $5, now(), false, $6, 'h')`,
    [`m${n++}`, name, user.anonymousId ?? 'anon', user.userId ?? null, new Date(at), JSON.stringify(properties)],
  );

describe('postgres announcement store', () => {
  it('creates, lists newest first, replaces with optimistic concurrency, removes, and reads activity', async () => {
    const store = postgresAnnouncementStore(pool);
    const older = record('older', 5);
    const newer = record('newer', 1);
    const draft = record('draft', 0, { status: 'draft', publishAt: undefined });
    for (const r of [older, draft, newer]) expect(await store.create('p', r.announcement, r.texts, 10)).toMatchObject({ version: 1 });
    expect(await store.create('p', older.announcement, older.texts, 11)).toBeNull();
    expect((await store.list('p')).map((r) => r.announcement.id)).toEqual(['newer', 'older', 'draft']);
    expect(await store.replace('p', { ...older.announcement, boosted: true }, older.texts, 1, 20)).toMatchObject({ version: 2, announcement: { boosted: true } });
    expect(await store.replace('p', older.announcement, older.texts, 1, 21)).toBeNull();
    expect((await store.get('p', 'older'))?.texts).toEqual(older.texts);
    expect(await store.remove('p', 'older')).toBe(true);
    expect(await store.remove('p', 'older')).toBe(false);

    await track(ANNOUNCEMENT_EVENTS.read, { userId: 'u1' }, { announcementId: 'a' });
    await track(PROMPT_EVENTS.shown, { userId: 'u1' }, { promptId: 'a', kind: 'announcement' });
    await track('project_created', { userId: 'u1' }, {});
    await track(ANNOUNCEMENT_EVENTS.read, { anonymousId: 'v1' }, { announcementId: 'c' });
    expect((await store.activity('p', { userId: 'u1' })).map((e) => e.name).sort()).toEqual([ANNOUNCEMENT_EVENTS.read, PROMPT_EVENTS.shown].sort());
    expect((await store.activity('p', { anonymousId: 'v1' })).map((e) => e.properties)).toEqual([{ announcementId: 'c' }]);
    expect((await store.kpiEvents('p', [ANNOUNCEMENT_EVENTS.read], new Date(2_000))).map((e) => [e.userId, e.at])).toEqual([['u1', 1_000]]);
  });
});
