import { rewardsHoldoutBucket } from '../../domain/rewards/holdout.js';
import type { PoolClient } from 'pg';
import { VISIT_GAP_MS } from '../../domain/visit.js';
import { membershipsOf } from '../accounts/account-sql.js';
import { keyOf, type EventKey, type WriteOps } from '../apply-write.js';
import type { NewEvent } from '../../domain/events.js';
import { claimResponses } from '../responses/response-sql.js';
import { postgresRunner } from '../sql/postgres-runner.js';

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
// ISO text, not Date objects: pg's own Date formatting costs more per row than the rest of the row.
const date = (ms: number) => new Date(ms).toISOString();

/**
 * Set-based SQL over `unnest` of column arrays: one statement per step whatever the group size,
 * and a fixed parameter count (no 65k-parameter limit, one plan).
 *
 * Transactions overlap (group-commit `concurrency`), so: rows are written in key order (two
 * transactions inserting or upserting the same keys queue behind each other instead of
 * deadlocking), and anonymous ids that may need linking are locked first (`lockAnonymousIds`).
 */
export function postgresWriteOps(client: PoolClient): WriteOps {
  return {
    async lockAnonymousIds(keys) {
      if (keys.length === 0) return;
      // Transaction-scoped advisory locks, taken in one sorted order; released by COMMIT or ROLLBACK.
      await client.query(
        `SELECT pg_advisory_xact_lock(k) FROM (
           SELECT DISTINCT hashtextextended(p || chr(1) || a, 0) AS k FROM unnest($1::text[], $2::text[]) AS t(p, a) ORDER BY k
         ) AS locks`,
        [keys.map((k) => k.projectId), keys.map((k) => k.anonymousId)],
      );
    },
    memberships: (projectId, userIds) => membershipsOf(postgresRunner(client), projectId, userIds),
    async insertEvents(events: readonly NewEvent[]) {
      const { rows } = await client.query<{ project_id: string; message_id: string }>(
        // Rows go in key order, and copies of one key in the order they came: the first is stored
        // (and counted as accepted by applyWrite), the later ones find it and count as repeats.
        `INSERT INTO events (project_id, message_id, type, name, anonymous_id, user_id, timestamp,
           received_at, verified, properties, traits, context, payload_hash, account_id)
         SELECT p, m, t, nm, a, u, ts, r, v, pr, tr, cx, h, ac FROM unnest($1::text[], $2::text[], $3::text[], $4::text[],
           $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::boolean[], $10::jsonb[], $11::jsonb[],
           $12::jsonb[], $13::text[], $14::text[]) WITH ORDINALITY AS e(p, m, t, nm, a, u, ts, r, v, pr, tr, cx, h, ac, n)
         ORDER BY p, m, n
         ON CONFLICT (project_id, message_id) DO NOTHING
         RETURNING project_id, message_id`,
        [
          events.map((e) => e.projectId),
          events.map((e) => e.messageId),
          events.map((e) => e.type),
          events.map((e) => e.name),
          events.map((e) => e.anonymousId),
          events.map((e) => e.userId),
          events.map((e) => date(e.timestamp)),
          events.map((e) => date(e.receivedAt)),
          events.map((e) => e.verified),
          events.map((e) => json(e.properties)),
          events.map((e) => json(e.traits)),
          events.map((e) => json(e.context)),
          events.map((e) => e.payloadHash),
          events.map((e) => e.accountId ?? null),
        ],
      );
      return new Set(rows.map((row) => keyOf({ projectId: row.project_id, messageId: row.message_id })));
    },
    async payloadHashes(keys: readonly EventKey[]) {
      const { rows } = await client.query<{ project_id: string; message_id: string; payload_hash: string }>(
        `SELECT e.project_id, e.message_id, e.payload_hash FROM events e
         JOIN unnest($1::text[], $2::text[]) AS k(project_id, message_id)
           ON e.project_id = k.project_id AND e.message_id = k.message_id`,
        [keys.map((k) => k.projectId), keys.map((k) => k.messageId)],
      );
      return new Map(rows.map((row) => [keyOf({ projectId: row.project_id, messageId: row.message_id }), row.payload_hash]));
    },
    async linkedAnonymousIds(projectId, anonymousIds) {
      const { rows } = await client.query<{ anonymous_id: string }>(
        'SELECT anonymous_id FROM identities WHERE project_id = $1 AND anonymous_id = ANY($2::text[])',
        [projectId, anonymousIds],
      );
      return new Set(rows.map((row) => row.anonymous_id));
    },
    claimResponses: (projectId, anonymousId, userId) => claimResponses(postgresRunner(client), projectId, anonymousId, userId),
    async upsertIdentities(links) {
      // Row by row, in event order: a batch may identify one anonymous id twice.
      for (const link of links) {
        await client.query(
          `INSERT INTO identities (project_id, anonymous_id, user_id, linked_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (project_id, anonymous_id) DO UPDATE SET user_id = excluded.user_id, linked_at = excluded.linked_at
           WHERE excluded.linked_at >= identities.linked_at`,
          [link.projectId, link.anonymousId, link.userId, date(link.linkedAt)],
        );
      }
    },
    async attributeAnonymous(projectId, anonymousIds) {
      const { rows } = await client.query<{ user_id: string; timestamp: Date }>(
        // Driven by the few linked ids; the partial index of rows without a user finds theirs
        // (events_by_anonymous_name_time), so unlinked anonymous traffic costs one lookup per id.
        `WITH links AS (
           SELECT anonymous_id, user_id FROM identities WHERE project_id = $1 AND anonymous_id = ANY($2::text[])
         )
         UPDATE events e SET user_id = links.user_id FROM links
         WHERE e.project_id = $1 AND e.anonymous_id = links.anonymous_id AND e.user_id IS NULL
         RETURNING e.user_id, e.timestamp`,
        [projectId, anonymousIds],
      );
      return rows.map((row) => ({ userId: row.user_id, timestamp: row.timestamp.getTime() }));
    },
    async upsertSeen(ranges) {
      if (ranges.length === 0) return;
      await client.query(
        // SET expressions read the row as it was: see PREVIOUS_SEEN_RULE in apply-write.ts.
        `INSERT INTO users (project_id, user_id, first_seen, last_seen, previous_seen, holdout_bucket)
         SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $7::integer[])
         ORDER BY 1, 2
         ON CONFLICT (project_id, user_id) DO UPDATE SET
           first_seen = LEAST(users.first_seen, excluded.first_seen),
           last_seen = GREATEST(users.last_seen, excluded.last_seen),
           previous_seen = CASE
             WHEN excluded.previous_seen >= users.last_seen THEN excluded.previous_seen
             WHEN excluded.first_seen - users.last_seen >= make_interval(secs => $6) THEN users.last_seen
             ELSE users.previous_seen
           END`,
        [
          ranges.map((r) => r.projectId),
          ranges.map((r) => r.userId),
          ranges.map((r) => date(r.firstSeen)),
          ranges.map((r) => date(r.lastSeen)),
          ranges.map((r) => (r.previousSeen === null ? null : date(r.previousSeen))),
          VISIT_GAP_MS / 1000,
          ranges.map((r) => rewardsHoldoutBucket(r.projectId, r.userId)),
        ],
      );
    },
    async readTraits(projectId, userId) {
      // upsertSeen has already locked this user's row in this transaction, so an overlapping
      // transaction cannot merge traits from a read that another one is about to overwrite.
      const { rows } = await client.query<{ traits: Record<string, never>; traits_at: Date }>(
        'SELECT traits, traits_at FROM users WHERE project_id = $1 AND user_id = $2',
        [projectId, userId],
      );
      const row = rows[0];
      return row ? { traits: row.traits, traitsAt: row.traits_at.getTime() } : null;
    },
    async writeTraits(update) {
      await client.query('UPDATE users SET traits = $1, traits_at = $2 WHERE project_id = $3 AND user_id = $4', [
        JSON.stringify(update.traits),
        date(update.traitsAt),
        update.projectId,
        update.userId,
      ]);
    },
  };
}
