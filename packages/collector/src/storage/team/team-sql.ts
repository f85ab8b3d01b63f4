import type { ConsoleRole } from '@hearth/schema';
import type { SqlRunner } from '../sql/runner.js';
import type { Account, InviteRow, MemberRow, SessionListRow, SessionRow, SessionVia, TeamStore } from './team-store.js';

type Time = number | Date;
const ms = (value: Time) => new Date(value).getTime();

interface AccountRecord {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
}
interface InviteRecord {
  id: string;
  project_id: string;
  email: string;
  role: ConsoleRole;
  invited_by: string;
  created_at: Time;
  expires_at: Time;
}
interface SessionRecord {
  id: string;
  account_id: string;
  created_at: Time;
  expires_at: Time;
  via: SessionVia;
  email?: string;
}

const toAccount = (row: AccountRecord): Account => ({ id: row.id, email: row.email, name: row.name, passwordHash: row.password_hash });
const toInvite = (row: InviteRecord): InviteRow => ({
  id: row.id,
  projectId: row.project_id,
  email: row.email,
  role: row.role,
  invitedBy: row.invited_by,
  createdAt: ms(row.created_at),
  expiresAt: ms(row.expires_at),
});
const toSession = (row: SessionRecord): SessionRow => ({
  id: row.id,
  accountId: row.account_id,
  createdAt: ms(row.created_at),
  expiresAt: ms(row.expires_at),
  via: row.via,
});

const ACCOUNT = 'id, email, name, password_hash';
const INVITE = 'id, project_id, email, role, invited_by, created_at, expires_at';
const OPEN_INVITE = 'accepted_at IS NULL AND expires_at > $2';

/** `store.team` over either dialect. */
export function sqlTeamStore(sql: SqlRunner): TeamStore {
  const all = async <T>(text: string, params: unknown[]) => sql.all<T>(text, params);
  const first = async <T>(text: string, params: unknown[]) => (await all<T>(text, params))[0] ?? null;
  const count = async (text: string, params: unknown[]) => Number((await first<{ n: number | string }>(text, params))?.n ?? 0);
  const inviteOne = async (text: string, params: unknown[]) => {
    const row = await first<InviteRecord>(text, params);
    return row ? toInvite(row) : null;
  };

  return {
    createAccount: async (account, at) =>
      (
        await all(
          `INSERT INTO console_accounts (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
          [account.id, account.email, account.name, account.passwordHash, sql.time(at)],
        )
      ).length === 1,
    accountByEmail: async (email) => {
      const row = await first<AccountRecord>(`SELECT ${ACCOUNT} FROM console_accounts WHERE email = $1`, [email]);
      return row ? toAccount(row) : null;
    },
    accountById: async (id) => {
      const row = await first<AccountRecord>(`SELECT ${ACCOUNT} FROM console_accounts WHERE id = $1`, [id]);
      return row ? toAccount(row) : null;
    },
    setPasswordHash: async (accountId, passwordHash) => {
      await sql.run('UPDATE console_accounts SET password_hash = $2 WHERE id = $1', [accountId, passwordHash]);
    },
    countAccounts: () => count('SELECT count(*) AS n FROM console_accounts', []),

    grantRole: async (accountId, projectId, role, at) => {
      await sql.run(
        `INSERT INTO console_roles (account_id, project_id, role, granted_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, project_id) DO UPDATE SET role = excluded.role, granted_at = excluded.granted_at`,
        [accountId, projectId, role, sql.time(at)],
      );
    },
    removeRole: async (accountId, projectId) =>
      (await sql.run('DELETE FROM console_roles WHERE account_id = $1 AND project_id = $2', [accountId, projectId])) > 0,
    rolesOf: async (accountId) =>
      (
        await all<{ project_id: string; role: ConsoleRole }>(
          'SELECT project_id, role FROM console_roles WHERE account_id = $1 ORDER BY project_id',
          [accountId],
        )
      ).map((row) => ({ projectId: row.project_id, role: row.role })),
    members: async (projectId) =>
      (
        await all<{ account_id: string; email: string; name: string; role: ConsoleRole; granted_at: Time }>(
          `SELECT r.account_id, a.email, a.name, r.role, r.granted_at
           FROM console_roles r JOIN console_accounts a ON a.id = r.account_id
           WHERE r.project_id = $1
           ORDER BY CASE r.role WHEN 'owner' THEN 0 WHEN 'editor' THEN 1 ELSE 2 END, a.email`,
          [projectId],
        )
      ).map((row): MemberRow => ({
        accountId: row.account_id,
        email: row.email,
        name: row.name,
        role: row.role,
        grantedAt: ms(row.granted_at),
      })),

    createInvite: async (invite, tokenHash) => {
      await sql.run(
        `INSERT INTO console_invites (id, token_hash, project_id, email, role, invited_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          invite.id,
          tokenHash,
          invite.projectId,
          invite.email,
          invite.role,
          invite.invitedBy,
          sql.time(invite.createdAt),
          sql.time(invite.expiresAt),
        ],
      );
    },
    openInvites: async (projectId, now) =>
      (
        await all<InviteRecord>(
          `SELECT ${INVITE} FROM console_invites WHERE project_id = $1 AND ${OPEN_INVITE} ORDER BY created_at DESC, id`,
          [projectId, sql.time(now)],
        )
      ).map(toInvite),
    inviteByToken: (tokenHash, now) =>
      inviteOne(`SELECT ${INVITE} FROM console_invites WHERE token_hash = $1 AND ${OPEN_INVITE}`, [tokenHash, sql.time(now)]),
    // One UPDATE decides: of two acceptances racing, only one sees the row still open.
    claimInvite: (tokenHash, now) =>
      inviteOne(`UPDATE console_invites SET accepted_at = $2 WHERE token_hash = $1 AND ${OPEN_INVITE} RETURNING ${INVITE}`, [
        tokenHash,
        sql.time(now),
      ]),
    deleteInvite: async (projectId, id) =>
      (await sql.run('DELETE FROM console_invites WHERE project_id = $1 AND id = $2 AND accepted_at IS NULL', [projectId, id])) > 0,

    createSession: async (session, tokenHash) => {
      await sql.run(
        'INSERT INTO console_sessions (id, token_hash, account_id, created_at, expires_at, via) VALUES ($1, $2, $3, $4, $5, $6)',
        [session.id, tokenHash, session.accountId, sql.time(session.createdAt), sql.time(session.expiresAt), session.via],
      );
    },
    sessionByToken: async (tokenHash, now) => {
      const row = await first<SessionRecord>(
        'SELECT id, account_id, created_at, expires_at, via FROM console_sessions WHERE token_hash = $1 AND expires_at > $2',
        [tokenHash, sql.time(now)],
      );
      return row ? toSession(row) : null;
    },
    deleteSession: async (id) => (await sql.run('DELETE FROM console_sessions WHERE id = $1', [id])) > 0,
    deleteSessionsOf: async (accountId) => sql.run('DELETE FROM console_sessions WHERE account_id = $1', [accountId]),
    projectSessions: async (projectId, now) =>
      (
        await all<SessionRecord & { email: string }>(
          `SELECT s.id, s.account_id, s.created_at, s.expires_at, s.via, a.email
           FROM console_sessions s
           JOIN console_roles r ON r.account_id = s.account_id AND r.project_id = $1
           JOIN console_accounts a ON a.id = s.account_id
           WHERE s.expires_at > $2
           ORDER BY s.created_at DESC, s.id`,
          [projectId, sql.time(now)],
        )
      ).map((row): SessionListRow => ({ ...toSession(row), email: row.email })),
    pruneSessions: async (now) => sql.run('DELETE FROM console_sessions WHERE expires_at <= $1', [sql.time(now)]),

    accountByIdentity: async (issuer, subject) => {
      const row = await first<AccountRecord>(
        `SELECT a.id, a.email, a.name, a.password_hash FROM console_identities i JOIN console_accounts a ON a.id = i.account_id
         WHERE i.issuer = $1 AND i.subject = $2`,
        [issuer, subject],
      );
      return row ? toAccount(row) : null;
    },
    linkIdentity: async (issuer, subject, accountId, at) => {
      await sql.run(
        `INSERT INTO console_identities (issuer, subject, account_id, created_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (issuer, subject) DO NOTHING`,
        [issuer, subject, accountId, sql.time(at)],
      );
    },
    saveOidcLogin: async (stateHash, login, now) => {
      await sql.run('DELETE FROM console_oidc_logins WHERE expires_at <= $1', [sql.time(now)]);
      await sql.run('INSERT INTO console_oidc_logins (state_hash, nonce, code_verifier, expires_at) VALUES ($1, $2, $3, $4)', [
        stateHash,
        login.nonce,
        login.codeVerifier,
        sql.time(login.expiresAt),
      ]);
    },
    // One DELETE decides: of two callbacks racing with the same state, only one gets the row.
    takeOidcLogin: async (stateHash) => {
      const row = await first<{ nonce: string; code_verifier: string; expires_at: Time }>(
        'DELETE FROM console_oidc_logins WHERE state_hash = $1 RETURNING nonce, code_verifier, expires_at',
        [stateHash],
      );
      return row ? { nonce: row.nonce, codeVerifier: row.code_verifier, expiresAt: ms(row.expires_at) } : null;
    },

    addFailure: async (key, windowStart) =>
      count(
        `INSERT INTO sign_in_failures (key, window_start, failures) VALUES ($1, $2, 1)
         ON CONFLICT (key, window_start) DO UPDATE SET failures = sign_in_failures.failures + 1
         RETURNING failures AS n`,
        [key, sql.time(windowStart)],
      ),
    forgiveFailure: async (key, windowStart) => {
      await sql.run('UPDATE sign_in_failures SET failures = failures - 1 WHERE key = $1 AND window_start = $2 AND failures > 0', [
        key,
        sql.time(windowStart),
      ]);
    },
    failures: (key, windowStart) =>
      count('SELECT failures AS n FROM sign_in_failures WHERE key = $1 AND window_start = $2', [key, sql.time(windowStart)]),
    pruneFailures: async (before) => sql.run('DELETE FROM sign_in_failures WHERE window_start < $1', [sql.time(before)]),
  };
}
