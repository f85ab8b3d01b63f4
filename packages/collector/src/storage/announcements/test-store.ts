import Database from 'better-sqlite3';
import { migrateSqlite } from '../migrations/migrate.js';
import { sqliteRunner } from '../sql/sqlite-runner.js';
import { sqlAnnouncementStore } from './announcement-sql.js';

/** Tests only: an announcement store on a fresh in-memory SQLite, plus a way to add raw events. */
export function testAnnouncementStore() {
  const db = new Database(':memory:');
  migrateSqlite(db);
  let n = 0;
  const insert =
    db.prepare(`INSERT INTO events (project_id, message_id, type, name, anonymous_id, user_id, timestamp, received_at, verified, properties, payload_hash)
    VALUES (?, ?, 'track', ?, ?, ?, ?, 0, 0, ?, 'h')`);
  const track = (projectId: string, name: string, user: { userId?: string; anonymousId?: string }, properties: object, at = 1_000) =>
    insert.run(projectId, `m${n++}`, name, user.anonymousId ?? 'anon', user.userId ?? null, at, JSON.stringify(properties));
  return { store: sqlAnnouncementStore(sqliteRunner(db)), track };
}
