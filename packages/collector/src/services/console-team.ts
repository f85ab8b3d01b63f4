import type { ConsoleRole, InviteInput, InviteOffer, MemberList, SessionProject } from '@hearth/schema';
import { checkPassword, decoyHash, hashPassword } from '../crypto/password.js';
import { newRecordId, newToken, tokenHash } from '../crypto/opaque-token.js';
import { TeamError } from '../domain/team/team-error.js';
import type { Account, InviteRow, TeamStore } from '../storage/team/team-store.js';
import type { AuditLog } from './audit-log.js';
import type { ProjectRegistry } from './project-registry.js';
import type { SignInLimiter } from './sign-in-limiter.js';

/** The first owner, from the configuration file or the environment. */
export interface BootstrapOwner {
  email: string;
  /** An scrypt hash from the file, or the plain password from the environment. */
  password: { hash: string } | { plain: string };
}

export interface ConsoleTeamOptions {
  team: TeamStore;
  projects: ProjectRegistry;
  limiter: SignInLimiter;
  audit: AuditLog;
  clock: () => number;
  inviteTtlMs: number;
  owner: BootstrapOwner | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
const inviteView = (invite: InviteRow) => ({
  id: invite.id,
  email: invite.email,
  role: invite.role,
  invitedBy: invite.invitedBy,
  createdAt: iso(invite.createdAt),
  expiresAt: iso(invite.expiresAt),
});

/**
 * People in the console: the first owner made from the configured credential, password sign-in
 * (limited through the store), invitations by one-time link, roles per project and the owners'
 * view of members and sessions. Every change lands in the audit log with its actor.
 */
export class ConsoleTeam {
  readonly #o: ConsoleTeamOptions;
  #ready: Promise<void> | undefined;

  constructor(options: ConsoleTeamOptions) {
    this.#o = options;
  }

  /**
   * Creates the first owner on the first start (no account yet) from the configured credential,
   * and makes that account owner of every configured project that has none (a project added to
   * the file later). Several collectors may run it at once: the account's email is unique and
   * granting a role twice changes nothing.
   */
  ready(): Promise<void> {
    this.#ready ??= this.#bootstrap().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  async #bootstrap(): Promise<void> {
    const { team, owner, projects, clock } = this.#o;
    if (!owner) return;
    if ((await team.countAccounts()) === 0) {
      const passwordHash = 'hash' in owner.password ? owner.password.hash : await hashPassword(owner.password.plain);
      await team.createAccount({ id: newRecordId('acc'), email: owner.email, name: 'Owner', passwordHash }, clock());
    }
    const account = await team.accountByEmail(owner.email);
    if (!account) return;
    for (const project of projects.all()) {
      const members = await team.members(project.id);
      if (!members.some((member) => member.role === 'owner')) await team.grantRole(account.id, project.id, 'owner', clock());
    }
  }

  /** Checks an email and password under the shared limiter; `{ wait }` (ms) when rate limited. */
  async signIn(email: string, password: string, client: string): Promise<Account | { wait: number }> {
    await this.ready();
    const { team, limiter, audit } = this.#o;
    if ((await team.countAccounts()) === 0) {
      throw new TeamError(
        'admin_not_configured',
        'No console account exists: set admin.passwordHash in the config or HEARTH_ADMIN_PASSWORD, and restart.',
      );
    }
    const attempt = await limiter.reserve(email, client);
    if ('wait' in attempt) return attempt;
    let account: Account | null = null;
    try {
      account = await team.accountByEmail(email);
      const checked = await checkPassword(password, account?.passwordHash ?? (await decoyHash()));
      if (!account || !checked.matches) account = null;
      else if (checked.rehash) await team.setPasswordHash(account.id, await hashPassword(password));
    } finally {
      if (account) await attempt.succeeded();
      else attempt.failed();
    }
    if (!account) {
      await audit.record({ projectId: null, actor: email, action: 'sign-in.failed', target: client });
      throw new TeamError('wrong_password', 'That email and password do not match a console account.');
    }
    await audit.record({ projectId: null, actor: account.email, action: 'sign-in', target: client });
    return account;
  }

  /** The configured projects the account has a role in, in the file's order. */
  async projectsOf(accountId: string): Promise<SessionProject[]> {
    const roles = new Map((await this.#o.team.rolesOf(accountId)).map((r) => [r.projectId, r.role]));
    return this.#o.projects.all().flatMap((project) => {
      const role = roles.get(project.id);
      return role ? [{ id: project.id, name: project.name, role }] : [];
    });
  }

  async invite(projectId: string, input: InviteInput, actor: string): Promise<{ invite: ReturnType<typeof inviteView>; token: string }> {
    const now = this.#o.clock();
    const token = newToken();
    const invite: InviteRow = {
      id: newRecordId('inv'),
      projectId,
      email: input.email,
      role: input.role,
      invitedBy: actor,
      createdAt: now,
      expiresAt: now + this.#o.inviteTtlMs,
    };
    await this.#o.team.createInvite(invite, tokenHash(token));
    await this.#o.audit.record({ projectId, actor, action: 'invite.create', target: `${input.email} as ${input.role}` });
    return { invite: inviteView(invite), token };
  }

  async offer(token: string): Promise<InviteOffer> {
    const invite = await this.#o.team.inviteByToken(tokenHash(token), this.#o.clock());
    if (!invite) throw expiredInvite();
    return {
      email: invite.email,
      role: invite.role,
      projectName: this.#o.projects.get(invite.projectId)?.name ?? invite.projectId,
      accountExists: (await this.#o.team.accountByEmail(invite.email)) !== null,
      expiresAt: iso(invite.expiresAt),
    };
  }

  /**
   * Uses the invitation once. A new email becomes an account with the given name and password; an
   * existing account just gains the role (its password is not asked for: no session is given,
   * they sign in as before). Answers the account and whether it was made now.
   */
  async accept(input: { token: string; name?: string; password?: string }): Promise<{ account: Account; created: boolean }> {
    const { team, clock, audit } = this.#o;
    const offer = await team.inviteByToken(tokenHash(input.token), clock());
    if (!offer) throw expiredInvite();
    const existing = await team.accountByEmail(offer.email);
    if (!existing && (!input.name || !input.password)) {
      const issues = [
        ...(input.name ? [] : [{ path: 'name', message: 'name is required for a new account' }]),
        ...(input.password ? [] : [{ path: 'password', message: 'password is required for a new account' }]),
      ];
      throw new TeamError('invalid_invite_acceptance', 'A new account needs a name and a password; see issues.', issues);
    }
    const passwordHash = existing || !input.password ? null : await hashPassword(input.password);
    const invite = await team.claimInvite(tokenHash(input.token), clock());
    if (!invite) throw expiredInvite();
    let account = existing;
    if (!account) {
      const made = { id: newRecordId('acc'), email: invite.email, name: input.name ?? invite.email, passwordHash };
      // Another acceptance (of another invitation to the same email) may have made it meanwhile.
      account = (await team.createAccount(made, clock())) ? made : await team.accountByEmail(invite.email);
      if (!account) throw expiredInvite();
    }
    await team.grantRole(account.id, invite.projectId, invite.role, clock());
    await audit.record({
      projectId: invite.projectId,
      actor: account.email,
      action: 'invite.accept',
      target: `${account.email} as ${invite.role}`,
    });
    return { account, created: existing === null };
  }

  async members(projectId: string): Promise<MemberList> {
    const { team, clock } = this.#o;
    const members = await team.members(projectId);
    return {
      members: members.map((m) => ({ userId: m.accountId, email: m.email, name: m.name, role: m.role, since: iso(m.grantedAt) })),
      invites: (await team.openInvites(projectId, clock())).map(inviteView),
    };
  }

  async withdrawInvite(projectId: string, inviteId: string, actor: string): Promise<void> {
    if (!(await this.#o.team.deleteInvite(projectId, inviteId)))
      throw new TeamError('invite_not_found', `No open invitation "${inviteId}" in this project.`);
    await this.#o.audit.record({ projectId, actor, action: 'invite.withdraw', target: inviteId });
  }

  /** Changes a member's role, or removes them (`role` null); the last owner stays. */
  async setRole(projectId: string, accountId: string, role: ConsoleRole | null, actor: string): Promise<void> {
    const { team, clock, audit } = this.#o;
    const members = await team.members(projectId);
    const member = members.find((m) => m.accountId === accountId);
    if (!member) throw new TeamError('member_not_found', `No member "${accountId}" in this project.`);
    const owners = members.filter((m) => m.role === 'owner').length;
    if (member.role === 'owner' && role !== 'owner' && owners === 1) {
      throw new TeamError('last_owner', "This is the project's last owner: make someone else owner first.");
    }
    if (role) await team.grantRole(accountId, projectId, role, clock());
    else await team.removeRole(accountId, projectId);
    await audit.record({
      projectId,
      actor,
      action: role ? 'member.role' : 'member.remove',
      target: role ? `${member.email} as ${role}` : member.email,
    });
  }

  async sessions(projectId: string, currentSessionId: string | undefined) {
    return (await this.#o.team.projectSessions(projectId, this.#o.clock())).map((s) => ({
      id: s.id,
      userId: s.accountId,
      email: s.email,
      createdAt: iso(s.createdAt),
      expiresAt: iso(s.expiresAt),
      current: s.id === currentSessionId,
    }));
  }

  /** Ends a session of one of the project's members, on every collector at once. */
  async revokeSession(projectId: string, sessionId: string, actor: string): Promise<void> {
    const { team, clock, audit } = this.#o;
    const session = (await team.projectSessions(projectId, clock())).find((s) => s.id === sessionId);
    if (!session || !(await team.deleteSession(sessionId))) {
      throw new TeamError('session_not_found', `No open session "${sessionId}" of a member of this project.`);
    }
    await audit.record({ projectId, actor, action: 'session.revoke', target: session.email });
  }
}

const expiredInvite = () =>
  new TeamError('invite_not_found', 'This invitation link was already used, withdrawn or has expired: ask for a new one.');
