import type { AdminSession, ConsoleSession, MemberList, PromptVersionList } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import type { createApp } from '../../app.js';
import { consoleCall, consoleSession, OWNER_EMAIL, signInRequest } from '../../test-support/console.js';
import { bothStores } from '../../test-support/both-stores.js';
import { NOW, errorOf, testApp, testConfig } from '../../test-support/http.js';
import { checklistInput } from '../../test-support/prompts.js';

type App = ReturnType<typeof createApp>;
type Session = { cookie: string; csrfToken: string };
const json = async <T>(res: Response | Promise<Response>) => (await (await res).json()) as T;

const OWNER_PASSWORD = 'owner-password-for-tests';
const TWO_PROJECTS = testConfig(
  {},
  {
    projects: [
      { id: 'acme', name: 'Acme', publicKey: 'pk_test_acme_public', secretKeys: ['sk_test_acme_secret_0001'] },
      { id: 'beta', name: 'Beta', publicKey: 'pk_test_beta_public', secretKeys: ['sk_test_beta_secret_0001'] },
    ],
  },
);

/** Invites `email` as `role` in the owner's current project (or `project`) and accepts as a new account. */
async function invited(app: App, owner: Session, email: string, role: string, project = 'acme'): Promise<Session> {
  const headers = { 'X-Hearth-Project': project };
  const created = await consoleCall(app, owner, 'POST', '/v1/admin/team/invites', { body: { email, role }, headers });
  expect(created.status).toBe(201);
  const { link } = (await created.json()) as { link: string };
  expect(link).toMatch(/^http:\/\/localhost\/admin\/invite#[A-Za-z0-9_-]{43}$/);
  const token = link.split('#')[1]!;
  const accept = await app.request('/v1/admin/invites/accept', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, name: email.split('@')[0], password: `${email}-password` }),
  });
  expect(accept.status).toBe(201);
  const cookie = (accept.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await accept.json()) as { csrfToken: string };
  // The link works once.
  const again = await app.request('/v1/admin/invites/peek', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect((await errorOf(again)).code).toBe('invite_not_found');
  return { cookie, csrfToken };
}

describe.each(bothStores('hearth_team'))('team access on $name', ({ open }) => {
  const start = async (clock = () => NOW, config = TWO_PROJECTS) =>
    testApp({ store: await open(), config, clock, env: { HEARTH_ADMIN_PASSWORD: OWNER_PASSWORD } }).app;

  it('lets a viewer read and preview lifecycle email but not save a message or send a test', async () => {
    const app = await start();
    const owner = await consoleSession(app, OWNER_EMAIL, OWNER_PASSWORD);
    const viewer = await invited(app, owner, `viewer-${Math.random().toString(36).slice(2, 8)}@acme.test`, 'viewer');
    const message = { id: 'whats-new', kind: 'digest', status: 'draft', content: { subject: 'News' } };
    expect((await consoleCall(app, viewer, 'GET', '/v1/admin/email/messages')).status).toBe(200);
    for (const [path, body] of [
      ['/v1/admin/email/messages', message],
      ['/v1/admin/email/test-send', { message, userId: 'ada', to: 'me@acme.test' }],
    ] as const) {
      expect((await errorOf(await consoleCall(app, viewer, 'POST', path, { body }))).code, path).toBe('forbidden_role');
    }
    // A preview is a read: the viewer gets past the role check (this project has no email settings).
    const preview = await consoleCall(app, viewer, 'POST', '/v1/admin/email/preview', { body: { message, userId: 'ada' } });
    expect((await errorOf(preview)).code).toBe('email_not_configured');
  });

  it('lets viewers look, editors change content, and only owners manage keys and people; the audit log names each actor', async () => {
    const app = await start();
    const owner = await consoleSession(app, OWNER_EMAIL, OWNER_PASSWORD);
    const email = (role: string) => `${role}-${Math.random().toString(36).slice(2, 8)}@acme.test`;
    const [editorEmail, viewerEmail] = [email('editor'), email('viewer')];
    const editor = await invited(app, owner, editorEmail, 'editor');
    const viewer = await invited(app, owner, viewerEmail, 'viewer');

    const id = `tour-${Math.random().toString(36).slice(2, 8)}`;
    expect((await consoleCall(app, editor, 'POST', '/v1/admin/prompts', { body: checklistInput(id, { status: 'draft' }) })).status).toBe(
      201,
    );
    const refused = await consoleCall(app, viewer, 'POST', `/v1/admin/prompts/${id}/publish`);
    expect(refused.status).toBe(403);
    expect(await errorOf(refused)).toMatchObject({
      code: 'forbidden_role',
      message: expect.stringContaining('Your role in Acme is viewer'),
    });
    expect((await consoleCall(app, viewer, 'GET', `/v1/admin/prompts/${id}`)).status).toBe(200);
    // A preview stores nothing: the viewer's editor shows it as an editor's would.
    const draft = { id: `news-${id}`, content: { title: 'Dark mode', body: 'Try it **now**' } };
    const preview = await consoleCall(app, viewer, 'POST', '/v1/admin/announcements/preview', { body: draft });
    expect(preview.status).toBe(200);
    expect(((await preview.json()) as { texts: Record<string, { title: string }> }).texts.en?.title).toBe('Dark mode');
    expect((await consoleCall(app, editor, 'POST', `/v1/admin/prompts/${id}/publish`)).status).toBe(200);
    for (const [path, body] of [
      ['/v1/admin/settings/keys/rotate', undefined],
      ['/v1/admin/team/invites', { email: 'x@acme.test', role: 'viewer' }],
    ] as const) {
      expect((await errorOf(await consoleCall(app, editor, 'POST', path, { body }))).code, path).toBe('forbidden_role');
    }
    expect((await errorOf(await consoleCall(app, editor, 'PATCH', '/v1/admin/settings', { body: { webhooks: [] } }))).code).toBe(
      'forbidden_role',
    );
    // A retention period deletes raw events: an owner's call too.
    const retention = await errorOf(await consoleCall(app, editor, 'PATCH', '/v1/admin/settings', { body: { eventRetentionDays: 90 } }));
    expect(retention).toMatchObject({ code: 'forbidden_role', message: expect.stringContaining('event retention period') });
    expect((await consoleCall(app, owner, 'POST', '/v1/admin/settings/keys/rotate')).status).toBe(200);

    const history = await json<PromptVersionList>(consoleCall(app, viewer, 'GET', `/v1/admin/prompts/${id}/versions`));
    expect(history.versions.map((v) => [v.version, v.savedBy])).toEqual([
      [2, editorEmail],
      [1, editorEmail],
    ]);
    expect((await errorOf(await consoleCall(app, viewer, 'GET', '/v1/admin/audit'))).code).toBe('forbidden_role');
    const { entries } = (await (await consoleCall(app, owner, 'GET', '/v1/admin/audit')).json()) as {
      entries: { actor: string; action: string; target: string | null }[];
    };
    const steps = entries
      .filter((e) => e.action !== 'sign-in')
      .map((e) => [e.actor, e.action, e.target])
      .reverse();
    expect(steps).toEqual(
      expect.arrayContaining([
        [OWNER_EMAIL, 'invite.create', `${editorEmail} as editor`],
        [editorEmail, 'invite.accept', `${editorEmail} as editor`],
        [viewerEmail, 'invite.accept', `${viewerEmail} as viewer`],
        [editorEmail, 'prompt.create', `prompts/${id}`],
        [editorEmail, 'prompt.publish', `prompts/${id}`],
        [OWNER_EMAIL, 'secret-key.rotate', 'settings'],
      ]),
    );
    // The viewer's refused publish left no trace but the refusal.
    expect(steps.filter(([actor]) => actor === viewerEmail).map(([, action]) => action)).toEqual(['invite.accept']);
    const csv = await (await consoleCall(app, owner, 'GET', '/v1/admin/audit.csv')).text();
    expect(csv.split('\r\n')[0]).toBe('at,actor,action,target,version,project');
    expect(csv).toContain(`,${editorEmail},prompt.publish,prompts/${id},2,acme`);
  });

  it('shows and serves only the projects a person has a role in', async () => {
    const app = await start();
    const owner = await consoleSession(app, OWNER_EMAIL, OWNER_PASSWORD);
    const viewer = await invited(app, owner, `scoped-${Math.random().toString(36).slice(2, 8)}@acme.test`, 'viewer', 'beta');
    const session = await json<AdminSession>(consoleCall(app, viewer, 'GET', '/v1/admin/session'));
    expect(session.projects).toEqual([{ id: 'beta', name: 'Beta', role: 'viewer' }]);
    expect((await consoleCall(app, viewer, 'GET', '/v1/admin/prompts')).status).toBe(200);
    const other = await consoleCall(app, viewer, 'GET', '/v1/admin/prompts', { headers: { 'X-Hearth-Project': 'acme' } });
    expect(other.status).toBe(403);
    expect((await errorOf(other)).code).toBe('no_role');
    const ownerProjects = (await json<AdminSession>(consoleCall(app, owner, 'GET', '/v1/admin/session'))).projects;
    expect(ownerProjects.map((p) => `${p.id}:${p.role}`)).toEqual(['acme:owner', 'beta:owner']);
  });

  it('keeps the last owner, and lets an owner revoke a session on every collector', async () => {
    const first = await start();
    const second = await start();
    const owner = await consoleSession(first, OWNER_EMAIL, OWNER_PASSWORD);
    const members = await json<MemberList>(consoleCall(first, owner, 'GET', '/v1/admin/team/members'));
    const me = members.members.find((m) => m.email === OWNER_EMAIL)!;
    const demote = await consoleCall(first, owner, 'PATCH', `/v1/admin/team/members/${me.userId}`, { body: { role: 'editor' } });
    expect((await errorOf(demote)).code).toBe('last_owner');

    const editor = await invited(first, owner, `revoked-${Math.random().toString(36).slice(2, 8)}@acme.test`, 'editor');
    expect((await consoleCall(second, editor, 'GET', '/v1/admin/prompts')).status).toBe(200);
    const { sessions } = await json<{ sessions: ConsoleSession[] }>(consoleCall(second, owner, 'GET', '/v1/admin/team/sessions'));
    const theirs = sessions.find((s) => s.email.startsWith('revoked-'))!;
    expect((await consoleCall(second, owner, 'DELETE', `/v1/admin/team/sessions/${theirs.id}`)).status).toBe(204);
    expect((await errorOf(await consoleCall(first, editor, 'GET', '/v1/admin/prompts'))).code).toBe('session_expired');

    // Signing out on one collector ends the session on the other too.
    expect((await consoleCall(first, owner, 'DELETE', '/v1/admin/session')).status).toBe(204);
    expect((await errorOf(await consoleCall(second, owner, 'GET', '/v1/admin/prompts'))).code).toBe('session_expired');
  });

  it('counts wrong passwords across collectors: five guesses in all, not five per collector', async () => {
    const first = await start();
    const second = await start();
    const client = { 'x-test-client': `guesser-${Math.random().toString(36).slice(2, 8)}` };
    for (const app of [first, second, first, second, first])
      expect((await signInRequest(app, OWNER_EMAIL, 'guess', client)).status).toBe(401);
    for (const app of [first, second]) {
      const limited = await signInRequest(app, OWNER_EMAIL, OWNER_PASSWORD, client);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('Retry-After')).toBe('900');
    }
    // Another client (the owner at their desk) is not locked out.
    expect((await signInRequest(second, OWNER_EMAIL, OWNER_PASSWORD, { 'x-test-client': 'desk' })).status).toBe(201);
  });
});

describe('team access: invitations', () => {
  it('expires invitation links, and an existing account gains the role without a new password', async () => {
    let now = NOW;
    const { app } = testApp({ config: TWO_PROJECTS, clock: () => now, env: { HEARTH_ADMIN_PASSWORD: OWNER_PASSWORD } });
    let owner = await consoleSession(app, OWNER_EMAIL, OWNER_PASSWORD);
    const create = async (email: string, project: string) => {
      const res = await consoleCall(app, owner, 'POST', '/v1/admin/team/invites', {
        body: { email, role: 'editor' },
        headers: { 'X-Hearth-Project': project },
      });
      return ((await res.json()) as { link: string }).link.split('#')[1]!;
    };
    const accept = (body: Record<string, string>) =>
      app.request('/v1/admin/invites/accept', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });

    const late = await create('late@acme.test', 'acme');
    now += 72 * 3_600_000;
    expect((await errorOf(await accept({ token: late, name: 'Late', password: 'late-password' }))).code).toBe('invite_not_found');
    owner = await consoleSession(app, OWNER_EMAIL, OWNER_PASSWORD);

    const token = await create('ed@acme.test', 'acme');
    const incomplete = await accept({ token });
    expect(await errorOf(incomplete)).toMatchObject({
      code: 'invalid_invite_acceptance',
      issues: [{ path: 'name' }, { path: 'password' }],
    });
    expect((await accept({ token, name: 'Ed', password: 'ed-password-1' })).status).toBe(201);
    const second = await accept({ token: await create('ed@acme.test', 'beta') });
    expect(await second.json()).toEqual({ signedIn: false, email: 'ed@acme.test' });
    const ed = await consoleSession(app, 'ed@acme.test', 'ed-password-1');
    const { projects } = await json<AdminSession>(consoleCall(app, ed, 'GET', '/v1/admin/session'));
    expect(projects.map((p) => p.id)).toEqual(['acme', 'beta']);
  });

  it('rejects a bad invitation with the field and the reason', async () => {
    const { app } = testApp({ env: { HEARTH_ADMIN_PASSWORD: OWNER_PASSWORD } });
    const owner = await consoleSession(app, OWNER_EMAIL, OWNER_PASSWORD);
    const res = await consoleCall(app, owner, 'POST', '/v1/admin/team/invites', { body: { email: 'not-an-email', role: 'admin' } });
    expect(await errorOf(res)).toMatchObject({
      code: 'invalid_request',
      issues: [
        { path: 'email', message: 'email must be an email address' },
        { path: 'role', message: expect.stringContaining('owner') },
      ],
    });
  });
});
