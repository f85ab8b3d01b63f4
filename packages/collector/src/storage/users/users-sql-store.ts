import { EVENT_COLUMNS, toStoredEvent, type EventRow } from '../rows.js';
import { RESPONSE_COLUMNS, toStoredResponse, type ResponseRow } from '../responses/response-rows.js';
import type { JsonValue } from '@hearth/schema';
import { REFERRAL_COLUMNS, toReferral, type ReferralRow } from '../rewards-sql.js';
import type { Dialect, SqlReader } from '../sql/runner.js';
import { ask, type Transact } from '../sql/transaction.js';
import { eraseLogic } from './erase-logic.js';
import type { ErasureCounts, UserQuery, UserStore, UserSummary } from './user-store.js';
import { readJson } from '../sql/dialect.js';

type Time = number | Date;
interface SummaryRow {
  user_id: string;
  traits: string | Record<string, never>;
  first_seen: Time;
  last_seen: Time;
}

/** How many of the newest profiles (users, and accounts apart) the trait keys are read from. */
const VOCABULARY_PROFILES = 500;

const iso = (time: Time) => new Date(time).toISOString();
const toSummary = (row: SummaryRow): UserSummary => ({
  userId: row.user_id,
  traits: readJson(row.traits),
  firstSeen: iso(row.first_seen),
  lastSeen: iso(row.last_seen),
});

/**
 * A trait's value as text, alike on both databases: Postgres' `->>` gives `true`, `4`, `pro`;
 * SQLite's JSON functions give booleans as 1/0, so they are spelled out there (json_each, not a
 * JSON path: a path cannot quote every key).
 */
function traitText(dialect: Dialect, key: string): string {
  if (dialect === 'postgres') return `traits ->> ${key}`;
  return `(SELECT CASE type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(atom AS TEXT) END FROM json_each(traits) WHERE key = ${key})`;
}

function searchSql(dialect: Dialect, projectId: string, query: UserQuery) {
  const params: unknown[] = [projectId];
  const where = ['project_id = $1'];
  const param = (value: unknown) => (params.push(value), `$${params.length}`);
  // substr works alike on both databases (LIKE is case-insensitive on SQLite, sensitive on Postgres).
  if (query.idPrefix) {
    const prefix = param(query.idPrefix);
    where.push(`substr(user_id, 1, length(${prefix})) = ${prefix}`);
  }
  if (query.trait) {
    const key = param(query.trait.key);
    where.push(`${traitText(dialect, key)} = ${param(query.trait.value)}`);
  }
  if (query.after !== undefined) where.push(`user_id > ${param(query.after)}`);
  // One extra row tells whether there is a next page.
  const limit = param(query.limit + 1);
  return {
    text: `SELECT user_id, traits, first_seen, last_seen FROM users WHERE ${where.join(' AND ')} ORDER BY user_id LIMIT ${limit}`,
    params,
  };
}

/** The users sub-store over either dialect: `transact` for the erasure, `read` for lookups. */
export function createSqlUserStore(transact: Transact, read: SqlReader): UserStore {
  const all = async <T>(text: string, params: unknown[]) => await read.all<T>(text, params);
  return {
    async vocabulary(projectId, limit) {
      const events = await all<{ name: string; uses: number | string }>(
        `SELECT name, COUNT(*) AS uses FROM events WHERE project_id = $1 AND type = 'track' AND name IS NOT NULL
           GROUP BY name ORDER BY uses DESC, name LIMIT $2`,
        [projectId, limit],
      );
      // Trait keys come from the newest profiles: reading every profile's JSON would grow with the user base.
      const profiles = await all<{ traits: string | Record<string, JsonValue> }>(
        'SELECT traits FROM users WHERE project_id = $1 ORDER BY last_seen DESC, user_id LIMIT $2',
        [projectId, VOCABULARY_PROFILES],
      );
      const accounts = await all<{ traits: string | Record<string, JsonValue> }>(
        'SELECT traits FROM accounts WHERE project_id = $1 ORDER BY traits_at DESC, account_id LIMIT $2',
        [projectId, VOCABULARY_PROFILES],
      );
      // Sorted here, by code unit: the databases' collations would order names differently.
      const keysOf = (rows: typeof profiles) =>
        [...new Set(rows.flatMap((row) => Object.keys(readJson<Record<string, JsonValue>>(row.traits))))].sort().slice(0, limit);
      const byUse = events.map((row) => ({ name: row.name, uses: Number(row.uses) }));
      byUse.sort((a, b) => b.uses - a.uses || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { events: byUse.map((row) => row.name), traits: keysOf(profiles), accountTraits: keysOf(accounts) };
    },
    async search(projectId, query) {
      const { text, params } = searchSql(read.dialect, projectId, query);
      const rows = (await all<SummaryRow>(text, params)).map(toSummary);
      const users = rows.slice(0, query.limit);
      return { users, nextAfter: rows.length > query.limit ? (users.at(-1)?.userId ?? null) : null };
    },
    async recentEvents(projectId, userId, limit) {
      const rows = await all<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE project_id = $1 AND user_id = $2 ORDER BY timestamp DESC, message_id DESC LIMIT $3`,
        [projectId, userId, limit],
      );
      return rows.map(toStoredEvent);
    },
    async responses(projectId, userId) {
      const rows = await all<ResponseRow>(
        `SELECT ${RESPONSE_COLUMNS} FROM survey_responses WHERE project_id = $1
           AND ((user_id = $2 AND NOT anonymous)
                OR (anonymous AND user_id IN (SELECT anonymous_id FROM identities WHERE project_id = $1 AND user_id = $2)))
         ORDER BY answered_at, survey_id, cycle`,
        [projectId, userId],
      );
      return rows.map(toStoredResponse);
    },
    async referrals(projectId, userId) {
      const [codes, referrals] = await Promise.all([
        all<{ code: string }>('SELECT code FROM reward_referral_codes WHERE project_id = $1 AND user_id = $2', [projectId, userId]),
        all<ReferralRow>(
          `SELECT ${REFERRAL_COLUMNS} FROM reward_referrals WHERE project_id = $1 AND (referred_user_id = $2 OR referrer_user_id = $2) ORDER BY created_at`,
          [projectId, userId],
        ),
      ]);
      const mapped = referrals.map(toReferral);
      const by = mapped.find((r) => r.referredUserId === userId);
      return {
        code: codes[0]?.code ?? null,
        referredBy: by ? { userId: by.referrerUserId, createdAt: by.createdAt, convertedAt: by.convertedAt } : null,
        referred: mapped
          .filter((r) => r.referrerUserId === userId)
          .map((r) => ({ userId: r.referredUserId, createdAt: r.createdAt, convertedAt: r.convertedAt })),
      };
    },
    async trustedTraits(projectId, userId) {
      const [row] = await all<{ traits: string | Record<string, JsonValue> }>(
        'SELECT traits FROM trusted_traits WHERE project_id = $1 AND user_id = $2',
        [projectId, userId],
      );
      if (!row) return {};
      return readJson(row.traits);
    },
    setTrustedTraits: (projectId, userId, traits, at) =>
      transact(function* (sql) {
        yield* ask(
          sql.all(
            `INSERT INTO trusted_traits (project_id, user_id, traits, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (project_id, user_id) DO UPDATE SET traits = excluded.traits, updated_at = excluded.updated_at`,
            [projectId, userId, JSON.stringify(traits), sql.time(at)],
          ),
        );
      }),
    erase: (projectId, userId): Promise<ErasureCounts> => transact((sql) => eraseLogic(sql, projectId, userId)),
  };
}
