import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../lib/results.js';

/** The part of `pg.Client` used here; pg is a dependency of the collector, not of the root. */
interface AdminClient {
  connect(): Promise<void>;
  query(sql: string): Promise<unknown>;
  end(): Promise<void>;
}
type ClientConstructor = new (options: { connectionString: string }) => AdminClient;

const requireFromCollector = createRequire(join(repoRoot, 'packages/collector/package.json'));

async function withAdmin<T>(adminUrl: string, work: (client: AdminClient) => Promise<T>): Promise<T> {
  const { Client } = requireFromCollector('pg') as { Client: ClientConstructor };
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface ThrowAwayDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates `hearth_bench_<random>` so runs never see each other's (or the tests') data. */
export async function createThrowAwayDatabase(adminUrl: string): Promise<ThrowAwayDatabase> {
  const name = `hearth_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
