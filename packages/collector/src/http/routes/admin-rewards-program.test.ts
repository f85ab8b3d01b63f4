import { rewardsConfigSchema, type RewardsConfig, type RewardsConfigInput } from '@hearth/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.js';
import { openSqliteStore } from '../../storage/sqlite/sqlite-store.js';
import { NOW, ORIGIN, PUBLIC_KEY, SECRET, batch, errorOf, post, testConfig, trackEvent, userToken } from '../../test-support/http.js';
import { hashAdminPassword } from '../../crypto/scrypt-password.js';
import { PROGRAM } from '../../test-support/rewards-test-app.js';

const PASSWORD = 'correct horse battery staple';
let passwordHash = '';
beforeAll(async () => {
  // A cheap cost keeps the suite fast; production hashes use the default cost.
  passwordHash = await hashAdminPassword(PASSWORD, { N: 1_024, r: 8, p: 1 });
});

type App = ReturnType<typeof createApp>;
type ProgramAnswer = { program: RewardsConfig | null; version: number; updatedAt: string | null; updatedBy: string | null };

/** The real collector app (real SQLite store, real settings service) with `program` in its configuration file. */
function collector(program: RewardsConfigInput | null = PROGRAM, store = openSqliteStore(':memory:')) {
  const config = testConfig(program ? { rewards: program } : {}, { admin: { passwordHash } });
  const app = createApp({ store, config, clock: () => NOW, log: (m, e) => console.error(m, e), clientAddress: () => 'client-1' });
  return { app, store };
}

/** Signs in to the console as the browser does: the session cookie and the CSRF token. */
async function consoleSession(app: App) {
  const res = await app.request('/v1/admin/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@localhost', password: PASSWORD }),
  });
  expect(res.status).toBe(201);
  const cookie = (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const headers = { Cookie: cookie, Origin: 'http://collector.test', 'X-Hearth-CSRF': csrfToken };
  return {
    get: () => app.request('/v1/admin/rewards-program', { headers }),
    put: (program: unknown, version?: number, extra: Record<string, string> = {}) =>
      app.request('/v1/admin/rewards-program', {
        method: 'PUT',
        headers: {
          ...headers,
          'Content-Type': 'application/json',
          ...(version === undefined ? {} : { 'If-Match': `"${version}"` }),
          ...extra,
        },
        body: JSON.stringify(program),
      }),
  };
}

/** The host's backend reporting an event with the secret key: server rules pay for it. */
async function serverEvent(app: App, id: string, userId: string, name: string) {
  const res = await app.request('/v1/server/events', {
    method: 'POST',
    headers: { Authorization: `Bearer ${SECRET}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ events: [{ id, userId, name }] }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { awards: { ruleId: string; points: number; status: string }[] }).awards;
}

async function rewardsState(app: App, userId: string) {
  const query = new URLSearchParams({ key: PUBLIC_KEY, userId, userToken: await userToken(userId) });
  const res = await app.request(`/v1/rewards?${query}`, { headers: { Origin: ORIGIN } });
  expect(res.status).toBe(200);
  return (await res.json()) as { balance: number; catalog: { id: string; cost: number }[]; waysToEarn: { id: string; points: number }[] };
}

const edited = (change: (program: RewardsConfigInput & { rules: NonNullable<RewardsConfigInput['rules']> }) => void) => {
  const program = structuredClone(PROGRAM) as RewardsConfigInput & { rules: NonNullable<RewardsConfigInput['rules']> };
  change(program);
  return program;
};

describe('PUT /v1/admin/rewards-program', () => {
  it('applies a saved program to the very next request: new points, a new client rule, a new catalog item', async () => {
    const { app } = collector();
    const admin = await consoleSession(app);
    const loaded = (await (await admin.get()).json()) as ProgramAnswer;
    expect(loaded).toMatchObject({ version: 0, updatedBy: null, program: rewardsConfigSchema.parse(PROGRAM) });
    expect(await serverEvent(app, 'export-0001', 'u1', 'report_exported')).toEqual([
      expect.objectContaining({ ruleId: 'export', points: 50 }),
    ]);

    const program = edited((p) => {
      p.rules[0] = { ...p.rules[0]!, points: 75 };
      p.rules.push({
        id: 'comment',
        title: 'Comment',
        on: { type: 'event', event: 'comment_posted', source: 'client' },
        points: 3,
        caps: { perDay: 2 },
      });
      p.catalog = [...(p.catalog ?? []), { id: 'mug', name: 'Mug', cost: 40 }];
    });
    const res = await admin.put(program, loaded.version);
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe('"1"');
    const saved = (await res.json()) as ProgramAnswer;
    expect(saved).toMatchObject({ version: 1, updatedBy: 'admin@localhost', updatedAt: new Date(NOW).toISOString() });
    expect(saved.program).toEqual(rewardsConfigSchema.parse(program));

    // The backend's next event earns the new amount; a verified browser event feeds the new rule.
    expect(await serverEvent(app, 'export-0002', 'u1', 'report_exported')).toEqual([
      expect.objectContaining({ ruleId: 'export', points: 75, status: 'created' }),
    ]);
    const tracked = await post(
      app,
      batch([trackEvent({ name: 'comment_posted', userId: 'u1', properties: {} })], { userToken: await userToken('u1') }),
    );
    expect(tracked.status).toBe(200);
    const state = await rewardsState(app, 'u1');
    expect(state.balance).toBe(50 + 75 + 3);
    expect(state.catalog.map((item) => item.id)).toEqual(['tee', 'mug']);
    expect(state.waysToEarn).toContainEqual(expect.objectContaining({ id: 'export', points: 75 }));
  });

  it('persists the program: a collector started again on the same database serves it', async () => {
    const first = collector();
    const admin = await consoleSession(first.app);
    const program = edited((p) => void (p.rules[0] = { ...p.rules[0]!, points: 120 }));
    expect((await admin.put(program, 0)).status).toBe(200);

    const restarted = collector(PROGRAM, first.store);
    expect(await serverEvent(restarted.app, 'export-0003', 'u2', 'report_exported')).toEqual([
      expect.objectContaining({ ruleId: 'export', points: 120 }),
    ]);
    const again = await consoleSession(restarted.app);
    expect(((await (await again.get()).json()) as ProgramAnswer).program?.rules[0]?.points).toBe(120);
  });

  it('refuses an invalid program with the failing fields named, and changes nothing', async () => {
    const { app } = collector();
    const admin = await consoleSession(app);
    const invalid = edited((p) => {
      p.rules[0] = { ...p.rules[0]!, points: -5 };
      p.rules[1] = { ...p.rules[1]!, caps: {} };
      p.tiers = [...(p.tiers ?? []), { id: 'bronze', name: 'Bronze again', minPoints: 10 }];
    });
    const res = await admin.put(invalid, 0);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_rewards_program');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { path: 'rules.0.points', message: 'points must be greater than 0' },
        { path: 'rules.1.caps', message: 'a rule fed by client events needs a cap (oncePerUser, perDay, perWeek or perMonth)' },
        { path: 'tiers.2.id', message: 'duplicate id "bronze"' },
      ]),
    );
    expect(
      (
        await app.request('/v1/admin/rewards-program', {
          method: 'PUT',
          headers: { Authorization: `Bearer ${SECRET}` },
          body: '{"rules": [',
        })
      ).status,
    ).toBe(400);
    expect(((await (await admin.get()).json()) as ProgramAnswer).version).toBe(0);
    expect(await serverEvent(app, 'export-0004', 'u1', 'report_exported')).toEqual([expect.objectContaining({ points: 50 })]);
  });

  it('refuses a fulfilment webhook pointing inside the network, naming the field', async () => {
    const { app } = collector();
    const admin = await consoleSession(app);
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[::1]:8080/fulfil',
      'http://2130706433/fulfil',
      'http://metadata.google.internal/',
    ]) {
      const res = await admin.put({ ...PROGRAM, fulfilmentWebhookUrl: url }, 0);
      expect(res.status, url).toBe(400);
      expect((await errorOf(res)).issues, url).toEqual([
        { path: 'fulfilmentWebhookUrl', message: expect.stringContaining('allowPrivateWebhookTargets') },
      ]);
    }
    expect(((await (await admin.get()).json()) as ProgramAnswer).version).toBe(0);
  });

  it('answers 409 when the settings changed after the version the editor loaded', async () => {
    const { app } = collector();
    const alice = await consoleSession(app);
    const bob = await consoleSession(app);
    expect(
      (
        await alice.put(
          edited((p) => void (p.rules[0] = { ...p.rules[0]!, points: 60 })),
          0,
        )
      ).status,
    ).toBe(200);
    const stale = await bob.put(
      edited((p) => void (p.rules[0] = { ...p.rules[0]!, points: 90 })),
      0,
    );
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).code).toBe('version_conflict');
    expect(((await (await bob.get()).json()) as ProgramAnswer).program?.rules[0]?.points).toBe(60);
    expect((await bob.put(PROGRAM, 0, { 'If-Match': 'yesterday' })).status).toBe(400);
  });

  it('turns rewards on for a project that had none, from a server with the secret key', async () => {
    const { app } = collector(null);
    const headers = { Authorization: `Bearer ${SECRET}` };
    expect(await (await app.request('/v1/admin/rewards-program', { headers })).json()).toMatchObject({ program: null, version: 0 });
    expect(await serverEvent(app, 'export-0005', 'u1', 'report_exported')).toEqual([]);
    const res = await app.request('/v1/admin/rewards-program', {
      method: 'PUT',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify(PROGRAM),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 1, updatedBy: 'secret-key' });
    expect(await serverEvent(app, 'export-0006', 'u1', 'report_exported')).toEqual([
      expect.objectContaining({ ruleId: 'export', points: 50 }),
    ]);
  });

  it('refuses callers without a console session and CSRF token or a secret key', async () => {
    const { app } = collector();
    const body = JSON.stringify(edited((p) => void (p.rules[0] = { ...p.rules[0]!, points: 1 })));
    const put = (headers: Record<string, string>) =>
      app.request('/v1/admin/rewards-program', { method: 'PUT', headers: { 'Content-Type': 'application/json', ...headers }, body });
    expect((await put({})).status).toBe(401);
    expect((await app.request('/v1/admin/rewards-program')).status).toBe(401);
    expect((await put({ Authorization: `Bearer ${PUBLIC_KEY}` })).status).toBe(403);
    const fromBrowser = await put({ Authorization: `Bearer ${SECRET}`, Origin: ORIGIN });
    expect((await errorOf(fromBrowser)).code).toBe('browser_refused');
    const admin = await consoleSession(app);
    const withoutCsrf = await admin.put(JSON.parse(body), 0, { 'X-Hearth-CSRF': 'forged' });
    expect(withoutCsrf.status).toBe(403);
    expect((await errorOf(withoutCsrf)).code).toBe('csrf_failed');
    expect(((await (await admin.get()).json()) as ProgramAnswer).version).toBe(0);
  });
});
