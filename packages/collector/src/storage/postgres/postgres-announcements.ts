import type { JsonValue } from '@hearth/schema';
import type pg from 'pg';
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

const ms = (value: number | null) => (value === null ? null : new Date(value));

export function postgresAnnouncementStore(pool: pg.Pool): AnnouncementStore {
  const one = async (sql: string, values: unknown[]) => {
    const { rows } = await pool.query<AnnouncementRow>(sql, values);
    return rows[0] ? toAnnouncementRecord(rows[0]) : null;
  };
  const params = (projectId: string, ...rest: Parameters<typeof announcementParams> extends [string, ...infer R] ? R : never) => {
    const p = announcementParams(projectId, ...rest);
    return [p.projectId, p.id, p.status, ms(p.publishAt), p.source, p.texts];
  };
  return {
    async list(projectId) {
      const { rows } = await pool.query<AnnouncementRow>(
        `SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements WHERE project_id = $1 ORDER BY publish_at DESC NULLS LAST, announcement_id`,
        [projectId],
      );
      return rows.map(toAnnouncementRecord);
    },
    get: (projectId, id) => one(`SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements WHERE project_id = $1 AND announcement_id = $2`, [projectId, id]),
    create: (projectId, announcement, texts, at) =>
      one(
        `INSERT INTO announcements (project_id, announcement_id, status, publish_at, version, source, texts, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $7) ON CONFLICT (project_id, announcement_id) DO NOTHING RETURNING ${ANNOUNCEMENT_COLUMNS}`,
        [...params(projectId, announcement, texts), new Date(at)],
      ),
    replace: (projectId, announcement, texts, expectedVersion, at) =>
      one(
        `UPDATE announcements SET status = $3, publish_at = $4, source = $5, texts = $6, version = version + 1, updated_at = $7
         WHERE project_id = $1 AND announcement_id = $2 AND version = $8 RETURNING ${ANNOUNCEMENT_COLUMNS}`,
        [...params(projectId, announcement, texts), new Date(at), expectedVersion],
      ),
    async remove(projectId, id) {
      const result = await pool.query('DELETE FROM announcements WHERE project_id = $1 AND announcement_id = $2', [projectId, id]);
      return (result.rowCount ?? 0) > 0;
    },
    async activity(projectId, subject) {
      const [column, value, orphan] = 'userId' in subject ? ['user_id', subject.userId, ''] : ['anonymous_id', subject.anonymousId, ' AND user_id IS NULL'];
      const { rows } = await pool.query<ActivityRow>(
        `SELECT name, timestamp, properties FROM events WHERE project_id = $1 AND ${column} = $2${orphan} AND name = ANY($3)`,
        [projectId, value, [...ACTIVITY_EVENT_NAMES]],
      );
      return rows.map(toActivityEvent);
    },
    async kpiUsers(projectId, to) {
      const { rows } = await pool.query<{ user_id: string; traits: Record<string, JsonValue>; first_seen: Date; last_seen: Date }>(
        'SELECT user_id, traits, first_seen, last_seen FROM users WHERE project_id = $1 AND first_seen < $2',
        [projectId, to],
      );
      return rows.map((row) => ({ userId: row.user_id, traits: row.traits, firstSeen: row.first_seen.getTime(), lastSeen: row.last_seen.getTime() }));
    },
    async kpiEvents(projectId, names, to) {
      const { rows } = await pool.query<ActivityRow & { user_id: string }>(
        `SELECT user_id, name, timestamp, properties FROM events
         WHERE project_id = $1 AND name = ANY($2) AND user_id IS NOT NULL AND timestamp < $3`,
        [projectId, [...names], to],
      );
      return rows.map((row) => ({ userId: row.user_id, ...toActivityEvent(row), at: new Date(row.timestamp).getTime() }));
    },
  };
}
