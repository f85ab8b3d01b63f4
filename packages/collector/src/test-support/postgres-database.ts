import pg from 'pg';

/** The server tests connect to; CI and every dev machine have PostgreSQL here with trust auth. */
const ADMIN_URL = process.env.HEARTH_TEST_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function run(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for one test file, so parallel runs never see each other's data:
 * `create()` before use, `drop()` after (it ends other sessions still connected).
 */
export function scratchDatabase(prefix = 'hearth_test') {
  const name = `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    create: () => run(`CREATE DATABASE ${name}`),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
