import { emailMessageSchema, type EmailMessageRecord, type JsonValue } from '@hearth/schema';
import { readJson } from '../sql/dialect.js';
import type { SqlRunner } from '../sql/runner.js';
import type { CandidateQuery, EmailCandidate, EmailStore, SendRecord, SendStatus } from './email-store.js';

type Time = number | Date;
type Json<T> = string | T;
const ms = (time: Time) => new Date(time).getTime();
const msOrNull = (time: Time | null) => (time === null ? null : ms(time));
const iso = (time: Time) => new Date(time).toISOString();

interface MessageRow {
  definition: Json<unknown>;
  version: number;
  created_at: Time;
  updated_at: Time;
}
const MESSAGE_COLUMNS = 'definition, version, created_at, updated_at';
const toMessage = (row: MessageRow): EmailMessageRecord => ({
  // Parsed again on the way out: defaults added by a later schema apply to stored messages too.
  message: emailMessageSchema.parse(readJson(row.definition)),
  version: Number(row.version),
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

interface SendRow {
  project_id: string;
  send_id: string;
  message_id: string;
  user_id: string;
  period: string;
  kind: SendRecord['kind'];
  campaign: string;
  category: string;
  status: SendStatus;
  payload: Json<Record<string, JsonValue>>;
  attempts: number;
  not_before: Time;
  created_at: Time;
  sent_at: Time | null;
  to_address: string | null;
  smtp_message_id: string | null;
  error: string | null;
  bounced_at: Time | null;
  clicked_at: Time | null;
  unsubscribed_at: Time | null;
}
const SEND_COLUMNS = `project_id, send_id, message_id, user_id, period, kind, campaign, category, status, payload, attempts,
  not_before, created_at, sent_at, to_address, smtp_message_id, error, bounced_at, clicked_at, unsubscribed_at`;
const toSend = (row: SendRow): SendRecord => ({
  projectId: row.project_id,
  sendId: row.send_id,
  messageId: row.message_id,
  userId: row.user_id,
  period: row.period,
  kind: row.kind,
  campaign: row.campaign,
  category: row.category,
  status: row.status,
  payload: readJson(row.payload),
  attempts: Number(row.attempts),
  notBefore: ms(row.not_before),
  createdAt: ms(row.created_at),
  sentAt: msOrNull(row.sent_at),
  toAddress: row.to_address,
  smtpMessageId: row.smtp_message_id,
  error: row.error,
  bouncedAt: msOrNull(row.bounced_at),
  clickedAt: msOrNull(row.clicked_at),
  unsubscribedAt: msOrNull(row.unsubscribed_at),
});

interface CandidateRow {
  user_id: string;
  first_seen: Time;
  last_seen: Time;
  traits: Json<Record<string, JsonValue>>;
  trusted: Json<Record<string, JsonValue>>;
}
const toCandidate = (row: CandidateRow): EmailCandidate => ({
  userId: row.user_id,
  firstSeen: ms(row.first_seen),
  lastSeen: ms(row.last_seen),
  traits: readJson(row.traits),
  trustedTraits: readJson(row.trusted),
});
/** A plan reads only users the host vouched for (`JOIN`); a preview reads anyone (`LEFT JOIN`). */
const candidateFrom = (
  join: 'JOIN' | 'LEFT JOIN',
) => `SELECT u.user_id, u.first_seen, u.last_seen, u.traits, COALESCE(t.traits, '{}') AS trusted
  FROM users u ${join} trusted_traits t ON t.project_id = u.project_id AND t.user_id = u.user_id`;

/** How long after a send (or a holdout's planning) activity counts as reactivation. */
export const REACTIVATION_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Claiming is one statement on both databases: PostgreSQL skips rows another collector's claim
 * holds (`FOR UPDATE SKIP LOCKED`); SQLite has one writer, so the statement alone is atomic.
 */
const CLAIM_LOCK = { sqlite: '', postgres: 'FOR UPDATE SKIP LOCKED' } as const;

/** `store.email` over either dialect. */
export function sqlEmailStore(sql: SqlRunner): EmailStore {
  const d = sql.dialect;
  const t = (at: number) => sql.time(at);
  const sends = async (text: string, params: unknown[]) => (await sql.all<SendRow>(text, params)).map(toSend);
  const oneMessage = async (text: string, params: unknown[]) => {
    const [row] = await sql.all<MessageRow>(text, params);
    return row ? toMessage(row) : null;
  };
  const candidates = async (join: 'JOIN' | 'LEFT JOIN', where: string[], params: unknown[], limit: number) =>
    (
      await sql.all<CandidateRow>(
        `${candidateFrom(join)} WHERE ${['u.project_id = $1', ...where].join(' AND ')} ORDER BY u.user_id LIMIT ${Math.floor(limit)}`,
        params,
      )
    ).map(toCandidate);

  return {
    async listMessages(projectId) {
      const rows = await sql.all<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM email_messages WHERE project_id = $1 ORDER BY id`, [
        projectId,
      ]);
      return rows.map(toMessage);
    },
    getMessage: (projectId, id) =>
      oneMessage(`SELECT ${MESSAGE_COLUMNS} FROM email_messages WHERE project_id = $1 AND id = $2`, [projectId, id]),
    saveMessage: (projectId, message, expectedVersion, at) =>
      expectedVersion === 0
        ? oneMessage(
            `INSERT INTO email_messages (project_id, id, definition, version, created_at, updated_at) VALUES ($1, $2, $3, 1, $4, $4)
             ON CONFLICT (project_id, id) DO NOTHING RETURNING ${MESSAGE_COLUMNS}`,
            [projectId, message.id, JSON.stringify(message), t(at)],
          )
        : oneMessage(
            `UPDATE email_messages SET definition = $3, version = version + 1, updated_at = $4
             WHERE project_id = $1 AND id = $2 AND version = $5 RETURNING ${MESSAGE_COLUMNS}`,
            [projectId, message.id, JSON.stringify(message), t(at), expectedVersion],
          ),
    async removeMessage(projectId, id) {
      return (await sql.run('DELETE FROM email_messages WHERE project_id = $1 AND id = $2', [projectId, id])) > 0;
    },
    async enqueue(rows) {
      let inserted = 0;
      for (const s of rows) {
        inserted += await sql.run(
          `INSERT INTO email_sends (project_id, send_id, message_id, user_id, period, kind, campaign, category, status, payload, not_before, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           ON CONFLICT (project_id, message_id, user_id, period) DO NOTHING`,
          [
            s.projectId,
            s.sendId,
            s.messageId,
            s.userId,
            s.period,
            s.kind,
            s.campaign,
            s.category,
            s.status,
            JSON.stringify(s.payload),
            t(s.notBefore),
            t(s.createdAt),
          ],
        );
      }
      return inserted;
    },
    claim: (projectId, now, leaseMs, limit) =>
      sends(
        `UPDATE email_sends SET status = 'sending', lease_until = $3, attempts = attempts + 1
         WHERE (project_id, send_id) IN (
           SELECT project_id, send_id FROM email_sends
           WHERE project_id = $1 AND ((status = 'queued' AND not_before <= $2) OR (status = 'sending' AND lease_until <= $2))
           ORDER BY not_before, send_id LIMIT $4 ${CLAIM_LOCK[d]})
         RETURNING ${SEND_COLUMNS}`,
        [projectId, t(now), t(now + leaseMs), limit],
      ),
    async markSent(projectId, sendId, at, to, smtpMessageId) {
      await sql.run(
        `UPDATE email_sends SET status = 'sent', sent_at = $3, to_address = $4, smtp_message_id = $5, lease_until = NULL, error = NULL
         WHERE project_id = $1 AND send_id = $2`,
        [projectId, sendId, t(at), to, smtpMessageId],
      );
    },
    async requeue(projectId, sendId, notBefore, error, countAttempt) {
      await sql.run(
        `UPDATE email_sends SET status = 'queued', not_before = $3, error = $4, lease_until = NULL,
           attempts = attempts - ${countAttempt ? 0 : 1}
         WHERE project_id = $1 AND send_id = $2`,
        [projectId, sendId, t(notBefore), error],
      );
    },
    async markFailed(projectId, sendId, at, error, bounced) {
      await sql.run(
        `UPDATE email_sends SET status = 'failed', error = $3, lease_until = NULL, bounced_at = ${bounced ? '$4' : 'NULL'}
         WHERE project_id = $1 AND send_id = $2`,
        bounced ? [projectId, sendId, error, t(at)] : [projectId, sendId, error],
      );
    },
    async getSend(projectId, sendId) {
      const [row] = await sends(`SELECT ${SEND_COLUMNS} FROM email_sends WHERE project_id = $1 AND send_id = $2`, [projectId, sendId]);
      return row ?? null;
    },
    async sentSince(projectId, from) {
      const [row] = await sql.all<{ n: number | string }>(
        `SELECT count(*) AS n FROM email_sends WHERE project_id = $1 AND status = 'sent' AND sent_at >= $2`,
        [projectId, t(from)],
      );
      return Number(row?.n ?? 0);
    },
    async recordClick(projectId, sendId, at) {
      await sql.run(`UPDATE email_sends SET clicked_at = COALESCE(clicked_at, $3) WHERE project_id = $1 AND send_id = $2`, [
        projectId,
        sendId,
        t(at),
      ]);
    },
    async suppress(projectId, userId, category, reason, at, sendId) {
      await sql.run(
        `INSERT INTO email_suppressions (project_id, user_id, category, reason, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (project_id, user_id, category) DO NOTHING`,
        [projectId, userId, category, reason, t(at)],
      );
      if (sendId !== undefined) {
        await sql.run(`UPDATE email_sends SET unsubscribed_at = COALESCE(unsubscribed_at, $3) WHERE project_id = $1 AND send_id = $2`, [
          projectId,
          sendId,
          t(at),
        ]);
      }
    },
    async suppressions(projectId, userId) {
      const rows = await sql.all<{ category: string }>(
        'SELECT category FROM email_suppressions WHERE project_id = $1 AND user_id = $2 ORDER BY category',
        [projectId, userId],
      );
      return rows.map((row) => row.category);
    },
    async usersByAddress(projectId, address) {
      const rows = await sql.all<{ user_id: string }>(
        'SELECT DISTINCT user_id FROM email_sends WHERE project_id = $1 AND lower(to_address) = lower($2) ORDER BY user_id',
        [projectId, address],
      );
      return rows.map((row) => row.user_id);
    },
    async markBounced(projectId, address, smtpMessageId, at) {
      await sql.run(
        `UPDATE email_sends SET bounced_at = COALESCE(bounced_at, $3)
         WHERE project_id = $1 AND send_id = (
           SELECT send_id FROM email_sends WHERE project_id = $1 AND lower(to_address) = lower($2) AND status = 'sent'
             AND ($4 = '' OR smtp_message_id = $4)
           ORDER BY sent_at DESC, send_id LIMIT 1)`,
        [projectId, address, t(at), smtpMessageId ?? ''],
      );
    },
    history: (projectId, messageId, limit) =>
      sends(
        `SELECT ${SEND_COLUMNS} FROM email_sends WHERE project_id = $1 ${messageId === null ? '' : 'AND message_id = $3'}
         ORDER BY created_at DESC, send_id LIMIT $2`,
        messageId === null ? [projectId, limit] : [projectId, limit, messageId],
      ),
    async kpiRows(projectId, messageId) {
      // Activity after the send (a holdout's: after it was planned), within 7 days; the email's own
      // traces are not events, so only the user's doings count.
      const start = 'COALESCE(s.sent_at, s.created_at)';
      const window = d === 'sqlite' ? String(REACTIVATION_MS) : `interval '7 days'`;
      const rows = await sql.all<{
        status: SendStatus;
        attempts: number;
        bounced: number | boolean;
        clicked: number | boolean;
        unsubscribed: number | boolean;
        reactivated: number | boolean;
      }>(
        `SELECT s.status, s.attempts, s.bounced_at IS NOT NULL AS bounced, s.clicked_at IS NOT NULL AS clicked,
           s.unsubscribed_at IS NOT NULL AS unsubscribed,
           EXISTS (SELECT 1 FROM events e WHERE e.project_id = s.project_id AND e.user_id = s.user_id
                   AND e.timestamp > ${start} AND e.timestamp <= ${start} + ${window}) AS reactivated
         FROM email_sends s WHERE s.project_id = $1 AND s.message_id = $2`,
        [projectId, messageId],
      );
      return rows.map((row) => ({
        status: row.status,
        attempts: Number(row.attempts),
        bounced: Boolean(row.bounced),
        clicked: Boolean(row.clicked),
        unsubscribed: Boolean(row.unsubscribed),
        reactivated: Boolean(row.reactivated),
      }));
    },
    candidates(projectId, query: CandidateQuery) {
      const params: unknown[] = [projectId];
      const param = (value: unknown) => (params.push(value), `$${params.length}`);
      const where: string[] = [];
      if (query.lastSeenBefore !== undefined) where.push(`u.last_seen <= ${param(t(query.lastSeenBefore))}`);
      if (query.firstSeenBefore !== undefined) where.push(`u.first_seen <= ${param(t(query.firstSeenBefore))}`);
      if (query.firstSeenAfter !== undefined) where.push(`u.first_seen > ${param(t(query.firstSeenAfter))}`);
      if (query.notDone) {
        const within = d === 'sqlite' ? param(query.notDone.withinMs) : `make_interval(secs => ${param(query.notDone.withinMs / 1000)})`;
        where.push(
          `NOT EXISTS (SELECT 1 FROM events e WHERE e.project_id = u.project_id AND e.user_id = u.user_id
             AND e.name = ${param(query.notDone.event)} AND e.timestamp <= u.first_seen + ${within})`,
        );
      }
      const since = query.notPlanned.since === 'lastSeen' ? ' AND s.created_at >= u.last_seen' : '';
      where.push(
        `NOT EXISTS (SELECT 1 FROM email_sends s WHERE s.project_id = u.project_id AND s.user_id = u.user_id
           AND s.message_id = ${param(query.notPlanned.messageId)}${since})`,
      );
      if (query.after) where.push(`u.user_id > ${param(query.after)}`);
      return candidates('JOIN', where, params, query.limit);
    },
    async candidate(projectId, userId) {
      const [row] = await candidates('LEFT JOIN', ['u.user_id = $2'], [projectId, userId], 1);
      return row ?? null;
    },
    async planCursor(projectId, messageId) {
      const [row] = await sql.all<{ after_user_id: string }>(
        'SELECT after_user_id FROM email_plan_cursors WHERE project_id = $1 AND message_id = $2',
        [projectId, messageId],
      );
      return row?.after_user_id ?? '';
    },
    async setPlanCursor(projectId, messageId, afterUserId) {
      await sql.run(
        `INSERT INTO email_plan_cursors (project_id, message_id, after_user_id) VALUES ($1, $2, $3)
         ON CONFLICT (project_id, message_id) DO UPDATE SET after_user_id = excluded.after_user_id`,
        [projectId, messageId, afterUserId],
      );
    },
  };
}
