import { newRecordId, newToken, tokenHash } from '../crypto/opaque-token.js';
import type { Account, SessionRow, SessionVia, TeamStore } from '../storage/team/team-store.js';

/** A live session with its account, as a request sees it. */
export interface LiveSession {
  session: SessionRow;
  account: Account;
  /** The token the cookie carried (kept to derive the CSRF token). */
  token: string;
}

/**
 * Console sessions kept in the store: the cookie carries a random token, the store only its hash,
 * so signing out (or an owner's revocation) deletes one row and every collector refuses the
 * cookie from the next request on. See docs/decisions/0010-console-sessions-in-the-store.md.
 */
export class ConsoleSessions {
  constructor(
    private readonly team: TeamStore,
    private readonly ttlMs: number,
    private readonly clock: () => number,
  ) {}

  get ttl(): number {
    return this.ttlMs;
  }

  async start(accountId: string, via: SessionVia = 'password'): Promise<{ token: string; session: SessionRow }> {
    const now = this.clock();
    const token = newToken();
    const session = { id: newRecordId('ses'), accountId, createdAt: now, expiresAt: now + this.ttlMs, via };
    await this.team.createSession(session, tokenHash(token));
    // Expired rows go away as new ones come: no background job needed.
    await this.team.pruneSessions(now);
    return { token, session };
  }

  /** The unexpired, unrevoked session of this token with its account; null otherwise. */
  async read(token: string): Promise<LiveSession | null> {
    const session = await this.team.sessionByToken(tokenHash(token), this.clock());
    if (!session) return null;
    const account = await this.team.accountById(session.accountId);
    return account ? { session, account, token } : null;
  }

  end(sessionId: string): Promise<boolean> {
    return this.team.deleteSession(sessionId);
  }
}
