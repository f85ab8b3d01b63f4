import type { JsonValue } from '@hearth/schema';
import type { Database } from 'better-sqlite3';
import { ACTIVITY_EVENT_NAMES } from '../../domain/announcements/activity.js';
import {
  ANNOUNCEMENT_COLUMNS,
  announcementParams,
  toActivityEvent,
  toAnnouncementRecord,
  type ActivityRow,
  type AnnouncementRow,
} from '../announcements/announcement-rows.js';
import type { AnnouncementStore } from '../announcements/announcement-store.js';

const NAMES = ACTIVITY_EVENT_NAMES.map(() => '?').join(', ');

export function sqliteAnnouncementStore(db: Database): AnnouncementStore {
  const list = db.prepare<[string], AnnouncementRow>(
    `SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements WHERE project_id = ? ORDER BY publish_at IS NULL, publish_at DESC, announcement_id`,
  );
  const get = db.prepare<[string, string], AnnouncementRow>(`SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements WHERE project_id = ? AND announcement_id = ?`);
  const create = db.prepare<Record<string, unknown>, AnnouncementRow>(`
    INSERT INTO announcements (project_id, announcement_id, status, publish_at, version, source, texts, created_at, updated_at)
    VALUES (@projectId, @id, @status, @publishAt, 1, @source, @texts, @at, @at)
    ON CONFLICT (project_id, announcement_id) DO NOTHING
    RETURNING ${ANNOUNCEMENT_COLUMNS}`);
  const replace = db.prepare<Record<string, unknown>, AnnouncementRow>(`
    UPDATE announcements SET status = @status, publish_at = @publishAt, source = @source, texts = @texts,
      version = version + 1, updated_at = @at
    WHERE project_id = @projectId AND announcement_id = @id AND version = @expectedVersion
    RETURNING ${ANNOUNCEMENT_COLUMNS}`);
  const remove = db.prepare<[string, string]>('DELETE FROM announcements WHERE project_id = ? AND announcement_id = ?');
  const byUser = db.prepare<unknown[], ActivityRow>(
    `SELECT name, timestamp, properties FROM events WHERE project_id = ? AND user_id = ? AND name IN (${NAMES})`,
  );
  const byAnonymous = db.prepare<unknown[], ActivityRow>(
    `SELECT name, timestamp, properties FROM events WHERE project_id = ? AND anonymous_id = ? AND user_id IS NULL AND name IN (${NAMES})`,
  );
  const record = (row: AnnouncementRow | undefined) => (row ? toAnnouncementRecord(row) : null);

  return {
    list: async (projectId) => list.all(projectId).map(toAnnouncementRecord),
    get: async (projectId, id) => record(get.get(projectId, id)),
    create: async (projectId, announcement, texts, at) => record(create.get({ ...announcementParams(projectId, announcement, texts), at })),
    replace: async (projectId, announcement, texts, expectedVersion, at) =>
      record(replace.get({ ...announcementParams(projectId, announcement, texts), at, expectedVersion })),
    remove: async (projectId, id) => remove.run(projectId, id).changes > 0,
    activity: async (projectId, subject) => {
      const rows = 'userId' in subject
        ? byUser.all(projectId, subject.userId, ...ACTIVITY_EVENT_NAMES)
        : byAnonymous.all(projectId, subject.anonymousId, ...ACTIVITY_EVENT_NAMES);
      return rows.map(toActivityEvent);
    },
    kpiUsers: async (projectId, to) =>
      db
        .prepare<[string, number], { user_id: string; traits: string; first_seen: number; last_seen: number }>(
          'SELECT user_id, traits, first_seen, last_seen FROM users WHERE project_id = ? AND first_seen < ?',
        )
        .all(projectId, to.getTime())
        .map((row) => ({ userId: row.user_id, traits: JSON.parse(row.traits) as Record<string, JsonValue>, firstSeen: row.first_seen, lastSeen: row.last_seen })),
    kpiEvents: async (projectId, names, to) => {
      if (names.length === 0) return [];
      const rows = db
        .prepare<unknown[], ActivityRow & { user_id: string }>(
          `SELECT user_id, name, timestamp, properties FROM events
           WHERE project_id = ? AND name IN (${names.map(() => '?').join(', ')}) AND user_id IS NOT NULL AND timestamp < ?`,
        )
        .all(projectId, ...names, to.getTime());
      return rows.map((row) => ({ userId: row.user_id, ...toActivityEvent(row), at: Number(row.timestamp) }));
    },
  };
}
