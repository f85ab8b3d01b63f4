import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { rewardsConformance } from '../rewards-conformance.js';
import { rewardsMigration } from './migrations/006-rewards.js';
import { postgresRewardsStore } from './rewards-postgres.js';

const ADMIN_URL = process.env.HEARTH_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `hearth_test_${Math.random().toString(36).slice(2, 10)}`;
const url = new URL(ADMIN_URL);
url.pathname = `/${database}`;

async function run(connectionString: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await run(ADMIN_URL, `CREATE DATABASE ${database}`);
  await run(url.toString(), rewardsMigration.sql);
});
afterAll(() => run(ADMIN_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));

rewardsConformance('postgres', async () => {
  // Several connections, so parallel calls really race for the row locks.
  const pool = new pg.Pool({ connectionString: url.toString(), max: 8 });
  return { rewards: postgresRewardsStore(pool), close: () => pool.end() };
});
