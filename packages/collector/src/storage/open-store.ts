import type { GroupCommitOptions } from './group-commit.js';
import type { RollupKeeperOptions } from './kpi/rollup-keeper.js';
import { openPostgresStore } from './postgres/postgres-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export interface StoreOptions {
  /** PostgreSQL connection string; when set, PostgreSQL is used. */
  databaseUrl?: string;
  /** Embedded SQLite file; `:memory:` (the default when neither is given) keeps nothing on exit. */
  sqliteFile?: string;
  groupCommit?: GroupCommitOptions;
  /** Background folding of the KPI rollups. */
  rollups?: RollupKeeperOptions;
}

/** What both stores accept beside where they are. */
export type StoreTuning = Pick<StoreOptions, 'groupCommit' | 'rollups'>;

/** Opens PostgreSQL when `databaseUrl` is set, else embedded SQLite; migrations run first. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  if (options.databaseUrl) return openPostgresStore(options.databaseUrl, options);
  return openSqliteStore(options.sqliteFile ?? ':memory:', options);
}
