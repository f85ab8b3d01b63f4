import type { ConsoleRole } from '@hearth/schema';

/** A console account; `passwordHash` is null for one that signs in only through single sign-on. */
export interface Account {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
}

export interface ProjectRole {
  projectId: string;
  role: ConsoleRole;
}

export interface MemberRow {
  accountId: string;
  email: string;
  name: string;
  role: ConsoleRole;
  /** Epoch ms. */
  grantedAt: number;
}

export interface InviteRow {
  id: string;
  projectId: string;
  email: string;
  role: ConsoleRole;
  invitedBy: string;
  /** Epoch ms. */
  createdAt: number;
  expiresAt: number;
}

/** How a session was made: a password (or an invitation), or the single sign-on provider. */
export type SessionVia = 'password' | 'sso';

export interface SessionRow {
  id: string;
  accountId: string;
  /** Epoch ms. */
  createdAt: number;
  expiresAt: number;
  via: SessionVia;
}

/** A started single sign-on: what the callback must check the provider's answer against. */
export interface OidcLoginRow {
  nonce: string;
  codeVerifier: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface SessionListRow extends SessionRow {
  email: string;
}

/**
 * `store.team`: console accounts, their role per project, invitations, sessions and the sign-in
 * failure counter. Tokens arrive here already hashed; the store never sees one in the clear.
 */
export interface TeamStore {
  /** False when an account with this email exists already (the first writer wins). */
  createAccount(account: Account, at: number): Promise<boolean>;
  accountByEmail(email: string): Promise<Account | null>;
  accountById(id: string): Promise<Account | null>;
  setPasswordHash(accountId: string, passwordHash: string): Promise<void>;
  countAccounts(): Promise<number>;

  /** Sets (or replaces) the account's role in the project. */
  grantRole(accountId: string, projectId: string, role: ConsoleRole, at: number): Promise<void>;
  /** False when the account had no role there. */
  removeRole(accountId: string, projectId: string): Promise<boolean>;
  rolesOf(accountId: string): Promise<ProjectRole[]>;
  /** The project's members, owners first, then by email. */
  members(projectId: string): Promise<MemberRow[]>;

  createInvite(invite: InviteRow, tokenHash: string): Promise<void>;
  /** Invitations neither accepted nor expired at `now`, newest first. */
  openInvites(projectId: string, now: number): Promise<InviteRow[]>;
  inviteByToken(tokenHash: string, now: number): Promise<InviteRow | null>;
  /** Marks the invitation accepted, once: null when it was used, withdrawn or expired. */
  claimInvite(tokenHash: string, now: number): Promise<InviteRow | null>;
  /** False when no open invitation has this id in the project. */
  deleteInvite(projectId: string, id: string): Promise<boolean>;

  createSession(session: SessionRow, tokenHash: string): Promise<void>;
  /** The unexpired session with this token hash. */
  sessionByToken(tokenHash: string, now: number): Promise<SessionRow | null>;
  /** False when there was no such session. */
  deleteSession(id: string): Promise<boolean>;
  deleteSessionsOf(accountId: string): Promise<number>;
  /** Unexpired sessions of the project's members, newest first. */
  projectSessions(projectId: string, now: number): Promise<SessionListRow[]>;
  /** Drops expired sessions (any process may; the work is idempotent). */
  pruneSessions(now: number): Promise<number>;

  /** The account linked to the provider's subject, if any. */
  accountByIdentity(issuer: string, subject: string): Promise<Account | null>;
  /** Links the provider's subject to the account (the first link wins). */
  linkIdentity(issuer: string, subject: string, accountId: string, at: number): Promise<void>;
  /** Keeps a started sign-in under its state's hash; drops those expired at `now`. */
  saveOidcLogin(stateHash: string, login: OidcLoginRow, now: number): Promise<void>;
  /** Deletes and returns the sign-in started with this state (expired or not): one callback gets it, once. */
  takeOidcLogin(stateHash: string): Promise<OidcLoginRow | null>;

  /** Adds one failure to `key` in the window starting at `windowStart`; the window's count after it. */
  addFailure(key: string, windowStart: number): Promise<number>;
  /** Takes one failure back (the password matched after all). */
  forgiveFailure(key: string, windowStart: number): Promise<void>;
  failures(key: string, windowStart: number): Promise<number>;
  /** Drops windows that started before `before`. */
  pruneFailures(before: number): Promise<number>;
}
