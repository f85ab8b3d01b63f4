import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store, StoreTuning } from './store.js';

export interface StoreOptions extends StoreTuning {
  /** PostgreSQL connection string; when set, PostgreSQL is used. */
  databaseUrl?: string;
  /** Embedded SQLite file; `:memory:` (the default when neither is given) keeps nothing on exit. */
  sqliteFile?: string;
}

/** Opens PostgreSQL when `databaseUrl` is set, else embedded SQLite; migrations run first. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) return openPostgresStore(options.databaseUrl, options);
  return openSqliteStore(options.sqliteFile ?? ':memory:', options);
}
