import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeConformance } from '../conformance/index.js';
import { postgresMigrations } from './migrations/index.js';
import { openPostgresStore } from './postgres-store.js';
import { scratchDatabase } from '../../test-support/postgres-database.js';

const scratch = scratchDatabase();
const databaseUrl = scratch.url;

beforeAll(scratch.create);
afterAll(scratch.drop);

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
