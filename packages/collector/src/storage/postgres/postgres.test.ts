import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeConformance } from '../conformance/index.js';
import { postgresMigrations } from './migrations/index.js';
import { openPostgresStore } from './postgres-store.js';

const ADMIN_URL = process.env.HEARTH_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `hearth_test_${Math.random().toString(36).slice(2, 10)}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;
const databaseUrl = url.toString();

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(() => admin(`CREATE DATABASE ${database}`));
afterAll(() => admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));

storeConformance('postgres', () => openPostgresStore(databaseUrl));

describe('postgres store', () => {
  it('applies migrations once even when several collectors start together', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => openPostgresStore(databaseUrl)));
    await Promise.all(stores.map((store) => store.close()));
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT version FROM hearth_migrations ORDER BY version');
      expect(rows).toEqual(postgresMigrations.map((m) => ({ version: m.version })));
    } finally {
      await client.end();
    }
  });
});
