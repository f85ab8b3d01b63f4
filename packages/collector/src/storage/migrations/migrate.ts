import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type pg from 'pg';
import type { Dialect } from '../sql/runner.js';

/** One schema change, applied once, in `version` order, recorded in `hearth_migrations`. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * The migrations of one dialect: `<dialect>/NNN-<feature>.sql`, NNN its version, its first line
 * `-- migration: <name>` the name recorded with it. A new feature appends its own file; an applied
 * one is never edited. Read beside this module, in src/ as in dist/ (the build copies them).
 */
export function loadMigrations(dialect: Dialect): Migration[] {
  const dir = new URL(`./${dialect}/`, import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => {
      const sql = readFileSync(new URL(file, dir), 'utf8');
      const name = /^-- migration: (.+)\n/.exec(sql)?.[1];
      const version = Number(file.slice(0, 3));
      if (!name || !Number.isInteger(version) || version < 1)
        throw new Error(`migration ${dialect}/${file}: needs an NNN- prefix and a first line "-- migration: <name>"`);
      return { version, name, sql };
    });
}

/** Migrations not yet applied, in order; refuses a database newer than this code. */
export function pendingMigrations(all: readonly Migration[], applied: ReadonlySet<number>): Migration[] {
  const newest = Math.max(0, ...all.map((m) => m.version));
  const unknown = [...applied].filter((version) => version > newest);
  if (unknown.length > 0) {
    throw new Error(
      `The database has migration ${Math.max(...unknown)}, newer than this collector knows (${newest}); upgrade the collector.`,
    );
  }
  return [...all].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
}

/** Applies pending migrations under an IMMEDIATE lock, so two processes cannot race. */
export function migrateSqlite(db: Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS hearth_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  db.transaction(() => {
    const applied = db.prepare<[], { version: number }>('SELECT version FROM hearth_migrations').all();
    for (const migration of pendingMigrations(loadMigrations('sqlite'), new Set(applied.map((r) => r.version)))) {
      db.exec(migration.sql);
      db.prepare('INSERT INTO hearth_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    }
  }).immediate();
}

/** Arbitrary constant naming Hearth's migration lock (pg advisory locks take a bigint). */
export const MIGRATION_LOCK = 0x4e_41_52_54_48;

/**
 * Whether some session (another collector starting up) holds the migration lock: pg_locks shows
 * a bigint advisory key as its high half in `classid` and its low half in `objid`.
 */
export async function migrationsRunning(db: Pick<pg.Pool, 'query'>): Promise<boolean> {
  const { rows } = await db.query<{ running: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1
       AND (classid::bigint << 32) | objid::bigint = $1) AS running`,
    [MIGRATION_LOCK],
  );
  return rows[0]?.running ?? false;
}

/** Applies pending migrations, each in its own transaction, while holding an advisory lock, so several collectors may start at once. */
export async function migratePostgres(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    // Another collector may be migrating: wait for it, however long it takes.
    await client.query('SET lock_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS hearth_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const applied = await client.query<{ version: number }>('SELECT version FROM hearth_migrations');
    for (const migration of pendingMigrations(loadMigrations('postgres'), new Set(applied.rows.map((r) => r.version)))) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO hearth_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
  } finally {
    // Only a broken connection fails these: the pool drops it, and its session lock ends with it.
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await client.query('RESET lock_timeout').catch(() => undefined);
    client.release();
  }
}
