import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../storage/postgres/postgres-store.js';
import { openSqliteStore } from '../storage/sqlite/sqlite-store.js';
import type { Store } from '../storage/store.js';
import { scratchDatabase } from './postgres-database.js';

export interface StoreKind {
  name: 'sqlite' | 'postgres';
  /**
   * Another store on the test file's one database (a temporary SQLite file, a scratch PostgreSQL
   * database), as a second collector process would open it; closed after the file.
   */
  open(): Promise<Store>;
}

/**
 * Both stores for an HTTP test file that must see the same answers from each: registers the
 * scratch PostgreSQL database's creation and removal, and closes every store opened.
 */
export function bothStores(prefix = 'hearth_both'): StoreKind[] {
  const scratch = scratchDatabase(prefix);
  const folder = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const opened: Store[] = [];
  const track = (store: Store) => {
    opened.push(store);
    return store;
  };
  beforeAll(scratch.create);
  afterAll(async () => {
    await Promise.all(opened.map((store) => store.close()));
    await scratch.drop();
    rmSync(folder, { recursive: true, force: true });
  });
  return [
    { name: 'sqlite', open: async () => track(openSqliteStore(join(folder, 'hearth.db'))) },
    { name: 'postgres', open: async () => track(await openPostgresStore(scratch.url)) },
  ];
}
