import { describe, expect } from 'vitest';
import { T0, uniqueProjectId } from '../../test-support/events.js';
import { storeTest, type OpenStore } from './harness.js';

const unique = () => Math.random().toString(36).slice(2, 10);
const account = (name = unique()) => ({ id: `acc_${name}`, email: `${name}@acme.test`, name, passwordHash: '$argon2id$x' });

/** Console accounts, roles, invitations, sessions and the sign-in failure counter. */
export function teamConformance(open: OpenStore): void {
  const withStore = storeTest(open);

  describe('console team', () => {
    withStore('creates an account once per email, and finds it by email and id', async (store) => {
      const ada = account();
      expect(await store.team.createAccount(ada, T0)).toBe(true);
      expect(await store.team.createAccount({ ...ada, id: `acc_${unique()}` }, T0)).toBe(false);
      expect(await store.team.accountByEmail(ada.email)).toEqual(ada);
      expect(await store.team.accountById(ada.id)).toEqual(ada);
      await store.team.setPasswordHash(ada.id, '$argon2id$new');
      expect((await store.team.accountById(ada.id))?.passwordHash).toBe('$argon2id$new');
      expect(await store.team.accountByEmail('nobody@acme.test')).toBeNull();
      expect(await store.team.countAccounts()).toBeGreaterThanOrEqual(1);
    });

    withStore('keeps one role per account and project, lists members owners first', async (store, projectId) => {
      const [owner, viewer] = [account(`b${unique()}`), account(`a${unique()}`)];
      await store.team.createAccount(owner, T0);
      await store.team.createAccount(viewer, T0);
      await store.team.grantRole(owner.id, projectId, 'owner', T0);
      await store.team.grantRole(viewer.id, projectId, 'editor', T0);
      await store.team.grantRole(viewer.id, projectId, 'viewer', T0 + 1_000);
      const other = uniqueProjectId();
      await store.team.grantRole(viewer.id, other, 'owner', T0);
      expect(await store.team.members(projectId)).toEqual([
        { accountId: owner.id, email: owner.email, name: owner.name, role: 'owner', grantedAt: T0 },
        { accountId: viewer.id, email: viewer.email, name: viewer.name, role: 'viewer', grantedAt: T0 + 1_000 },
      ]);
      expect(await store.team.rolesOf(viewer.id)).toEqual(
        [
          { projectId, role: 'viewer' },
          { projectId: other, role: 'owner' },
        ].sort((a, b) => a.projectId.localeCompare(b.projectId)),
      );
      expect(await store.team.removeRole(viewer.id, projectId)).toBe(true);
      expect(await store.team.removeRole(viewer.id, projectId)).toBe(false);
      expect((await store.team.members(projectId)).map((m) => m.accountId)).toEqual([owner.id]);
    });

    withStore('lets an invitation be claimed once, before it expires, and withdrawn while open', async (store, projectId) => {
      const invite = { id: `inv_${unique()}`, projectId, email: 'ed@acme.test', role: 'editor' as const, invitedBy: 'owner@acme.test' };
      const first = { ...invite, createdAt: T0, expiresAt: T0 + 60_000 };
      const hash = `hash-${unique()}`;
      await store.team.createInvite(first, hash);
      expect(await store.team.openInvites(projectId, T0)).toEqual([first]);
      expect(await store.team.inviteByToken(hash, T0)).toEqual(first);
      expect(await store.team.inviteByToken(hash, T0 + 60_000)).toBeNull();
      const claims = await Promise.all([store.team.claimInvite(hash, T0 + 1), store.team.claimInvite(hash, T0 + 1)]);
      expect(claims.filter(Boolean)).toEqual([first]);
      expect(await store.team.openInvites(projectId, T0)).toEqual([]);
      expect(await store.team.deleteInvite(projectId, first.id)).toBe(false);

      const second = { ...invite, id: `inv_${unique()}`, createdAt: T0, expiresAt: T0 + 60_000 };
      await store.team.createInvite(second, `hash-${unique()}`);
      expect(await store.team.deleteInvite(uniqueProjectId(), second.id)).toBe(false);
      expect(await store.team.deleteInvite(projectId, second.id)).toBe(true);
      expect(await store.team.claimInvite(hash, T0 + 2)).toBeNull();
    });

    withStore("finds a live session by its token's hash and forgets it once deleted or expired", async (store, projectId) => {
      const ada = account();
      await store.team.createAccount(ada, T0);
      await store.team.grantRole(ada.id, projectId, 'owner', T0);
      const session = { id: `ses_${unique()}`, accountId: ada.id, createdAt: T0, expiresAt: T0 + 3_600_000, via: 'sso' as const };
      const hash = `hash-${unique()}`;
      await store.team.createSession(session, hash);
      expect(await store.team.sessionByToken(hash, T0 + 1)).toEqual(session);
      expect(await store.team.sessionByToken(hash, T0 + 3_600_000)).toBeNull();
      expect(await store.team.projectSessions(projectId, T0)).toEqual([{ ...session, email: ada.email }]);
      expect(await store.team.projectSessions(uniqueProjectId(), T0)).toEqual([]);
      expect(await store.team.deleteSession(session.id)).toBe(true);
      expect(await store.team.sessionByToken(hash, T0 + 1)).toBeNull();
      expect(await store.team.deleteSession(session.id)).toBe(false);

      const expired = { id: `ses_${unique()}`, accountId: ada.id, createdAt: T0, expiresAt: T0 + 10, via: 'password' as const };
      await store.team.createSession(expired, `hash-${unique()}`);
      expect(await store.team.pruneSessions(T0 + 10)).toBeGreaterThanOrEqual(1);
      expect(await store.team.deleteSession(expired.id)).toBe(false);
      await store.team.createSession({ ...session, id: `ses_${unique()}` }, `hash-${unique()}`);
      expect(await store.team.deleteSessionsOf(ada.id)).toBe(1);
    });

    withStore("links a provider's subject to one account, the first link winning", async (store) => {
      const ada = account();
      const other = account();
      await store.team.createAccount(ada, T0);
      await store.team.createAccount(other, T0);
      const subject = `sub-${unique()}`;
      expect(await store.team.accountByIdentity('https://id.acme.test', subject)).toBeNull();
      await store.team.linkIdentity('https://id.acme.test', subject, ada.id, T0);
      await store.team.linkIdentity('https://id.acme.test', subject, other.id, T0);
      expect(await store.team.accountByIdentity('https://id.acme.test', subject)).toEqual(ada);
      expect(await store.team.accountByIdentity('https://other.acme.test', subject)).toBeNull();
    });

    withStore('hands a started single sign-on to one callback only, and drops expired ones', async (store) => {
      const login = { nonce: `n-${unique()}`, codeVerifier: `v-${unique()}`, expiresAt: T0 + 600_000 };
      const state = `state-${unique()}`;
      await store.team.saveOidcLogin(state, login, T0);
      const taken = await Promise.all([store.team.takeOidcLogin(state), store.team.takeOidcLogin(state)]);
      expect(taken.filter((row) => row !== null)).toEqual([login]);

      const stale = `state-${unique()}`;
      await store.team.saveOidcLogin(stale, { ...login, expiresAt: T0 + 10 }, T0);
      await store.team.saveOidcLogin(`state-${unique()}`, login, T0 + 10);
      expect(await store.team.takeOidcLogin(stale)).toBeNull();
    });

    withStore('counts failures per key and window, takes one back, and prunes old windows', async (store) => {
      const key = `ada@acme.test ${unique()}`;
      expect(await store.team.failures(key, T0)).toBe(0);
      const counts = await Promise.all(Array.from({ length: 5 }, () => store.team.addFailure(key, T0)));
      expect(counts.sort()).toEqual([1, 2, 3, 4, 5]);
      await store.team.forgiveFailure(key, T0);
      expect(await store.team.failures(key, T0)).toBe(4);
      expect(await store.team.addFailure(key, T0 + 900_000)).toBe(1);
      await store.team.pruneFailures(T0 + 900_000);
      expect(await store.team.failures(key, T0)).toBe(0);
      expect(await store.team.failures(key, T0 + 900_000)).toBe(1);
    });
  });

  describe('audit log', () => {
    withStore("lists a project's entries and the collector-wide ones, newest first, in pages and time ranges", async (store, projectId) => {
      const entry = (at: number, action: string, project: string | null = projectId, version: number | null = null) => ({
        projectId: project,
        at,
        actor: 'ada@acme.test',
        action,
        target: 'prompts/onboarding',
        targetVersion: version,
      });
      await store.audit.append(entry(T0, 'prompt.create', projectId, 1));
      await store.audit.append(entry(T0 + 1_000, 'prompt.publish', projectId, 2));
      await store.audit.append(entry(T0 + 2_000, 'prompt.save', uniqueProjectId(), 3));
      const listed = await store.audit.list(projectId, { limit: 100, from: T0 });
      const mine = listed.filter((e) => e.projectId === projectId);
      expect(mine.map((e) => [e.action, e.at, e.targetVersion])).toEqual([
        ['prompt.publish', T0 + 1_000, 2],
        ['prompt.create', T0, 1],
      ]);
      const [newest] = mine;
      expect(
        (await store.audit.list(projectId, { limit: 100, from: T0, before: newest!.id })).filter((e) => e.projectId === projectId),
      ).toEqual([mine[1]]);
      expect(await store.audit.list(projectId, { limit: 100, from: T0, to: T0 + 1_000 })).toEqual(listed.filter((e) => e.at < T0 + 1_000));
      expect(await store.audit.versionActors(projectId, 'prompts/onboarding')).toEqual(
        new Map([
          [1, 'ada@acme.test'],
          [2, 'ada@acme.test'],
        ]),
      );
    });

    withStore('purges entries older than the retention, oldest first and in chunks', async (store, projectId) => {
      const old = T0 - 400 * 86_400_000;
      await store.audit.append({ projectId, at: old, actor: 'ada@acme.test', action: 'sign-in', target: null, targetVersion: null });
      await store.audit.append({ projectId, at: old + 1, actor: 'bo@acme.test', action: 'sign-in', target: null, targetVersion: null });
      await store.audit.append({ projectId, at: T0, actor: 'cy@acme.test', action: 'sign-in', target: null, targetVersion: null });
      const actors = async () =>
        (await store.audit.list(projectId, { limit: 100 })).filter((e) => e.projectId === projectId).map((e) => e.actor);
      // Other tests' entries may share the store: purge until nothing older is left.
      while ((await store.audit.purge(old + 2, 1)) === 1);
      expect(await actors()).toEqual(['cy@acme.test']);
    });
  });
}
