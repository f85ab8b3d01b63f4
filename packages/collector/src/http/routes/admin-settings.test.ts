import { describe, expect, it } from 'vitest';
import { keyFingerprint } from '../../crypto/secrets.js';
import { OTHER_SECRET, SECRET, errorOf, testApp } from '../../test-support/http.js';
import { admin, checklistInput, promptApp } from '../../test-support/prompts.js';

const WEBHOOK_SECRET = 'whsec_0123456789abcdefghijklmnop';
type View = Record<string, unknown> & { version: number; newSecrets: { for: string; secret: string; fingerprint: string }[] };
const json = async (res: Response) => (await res.json()) as View;

describe('admin API: settings', () => {
  it('shows the effective settings with key fingerprints, never a secret', async () => {
    const webhook = { url: 'https://hooks.acme.test/nps', secrets: [WEBHOOK_SECRET] };
    const prompt = { ...checklistInput('onboarding'), defaultLocale: 'en', translations: { fr: { title: 'Bienvenue' } } };
    const { app } = await promptApp([prompt], { inactivityDays: 14, webhooks: [webhook], identityVerification: { enforce: true } });
    const res = await admin(app, 'GET', '/v1/admin/settings');
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe('"0"');
    const text = await res.text();
    for (const secret of [SECRET, OTHER_SECRET, WEBHOOK_SECRET]) expect(text).not.toContain(secret);
    expect(JSON.parse(text)).toMatchObject({
      version: 0,
      updatedAt: null,
      theme: {},
      locales: null,
      localesInUse: ['en', 'fr'],
      inactivityDays: 14,
      identityVerification: { enforce: true },
      keys: { secretKeyFingerprints: [keyFingerprint(SECRET), keyFingerprint(OTHER_SECRET)], rotating: true },
      webhooks: [{ url: webhook.url, surveyResponses: 'detractors', secretFingerprints: [keyFingerprint(WEBHOOK_SECRET)] }],
      rewards: null,
      newSecrets: [],
    });
  });

  it('changes the sent fields only, as a new version, and remembers who changed them', async () => {
    const { app } = await promptApp([], { inactivityDays: 14 });
    const res = await admin(app, 'PATCH', '/v1/admin/settings', {
      body: { theme: { brandColor: '#ff6600', radius: 4, mode: 'dark' }, fatigue: { maxInterruptingPerDay: 2 } },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('ETag')).toBe('"1"');
    expect(await json(res)).toMatchObject({
      version: 1,
      updatedBy: 'secret-key',
      updatedAt: expect.any(String),
      theme: { brandColor: '#ff6600', radius: 4, mode: 'dark' },
      fatigue: { maxInterruptingPerDay: 2 },
      inactivityDays: 14,
    });
    expect(await json(await admin(app, 'GET', '/v1/admin/settings'))).toMatchObject({ version: 1, theme: { brandColor: '#ff6600' } });
  });

  it('refuses invalid settings with an issue per field, and changes nothing', async () => {
    const { app } = await promptApp([]);
    const res = await admin(app, 'PATCH', '/v1/admin/settings', {
      body: {
        theme: { brandColor: 'red; background: url(https://evil.test)', radius: 40, font: 'Inter; }' },
        inactivityDays: 0,
        allowedOrigins: ['not a url'],
        locales: { default: 'de', supported: ['en', 'fr'] },
        publicKey: 'pk_other_project_key',
      },
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_settings');
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual([
      '(root)',
      'allowedOrigins.0',
      'inactivityDays',
      'locales.default',
      'theme.brandColor',
      'theme.font',
      'theme.radius',
    ]);
    expect(error.issues?.find((issue) => issue.path === 'theme.radius')?.message).toBe('radius must be at most 32 px');
    expect(await json(await admin(app, 'GET', '/v1/admin/settings'))).toMatchObject({ version: 0, inactivityDays: 30, theme: {} });
  });

  it('sets and removes the event retention period, refuses one out of range by name, and audits each change', async () => {
    const { app } = await promptApp([]);
    expect(await json(await admin(app, 'GET', '/v1/admin/settings'))).toMatchObject({ eventRetentionDays: null });
    const short = await admin(app, 'PATCH', '/v1/admin/settings', { body: { eventRetentionDays: 3 } });
    expect(short.status).toBe(400);
    expect((await errorOf(short)).issues).toEqual([{ path: 'eventRetentionDays', message: 'eventRetentionDays must be at least 7' }]);

    expect(await json(await admin(app, 'PATCH', '/v1/admin/settings', { body: { eventRetentionDays: 90 } }))).toMatchObject({
      version: 1,
      eventRetentionDays: 90,
    });
    // null removes the period: raw events are kept forever again.
    expect(await json(await admin(app, 'PATCH', '/v1/admin/settings', { body: { eventRetentionDays: null } }))).toMatchObject({
      version: 2,
      eventRetentionDays: null,
    });
    const { entries } = (await (await admin(app, 'GET', '/v1/admin/audit')).json()) as {
      entries: { action: string; actor: string; target: string; version: number | null }[];
    };
    expect(entries.map(({ action, actor, target, version }) => [action, actor, target, version])).toEqual([
      ['settings.change', 'secret-key', 'settings', 2],
      ['settings.change', 'secret-key', 'settings', 1],
    ]);
  });

  it('answers 409 when If-Match names a version someone else already replaced', async () => {
    const { app } = await promptApp([]);
    expect((await admin(app, 'PATCH', '/v1/admin/settings', { body: { inactivityDays: 7 }, headers: { 'If-Match': '"0"' } })).status).toBe(
      200,
    );
    const stale = await admin(app, 'PATCH', '/v1/admin/settings', { body: { inactivityDays: 9 }, headers: { 'If-Match': '"0"' } });
    expect(stale.status).toBe(409);
    expect((await errorOf(stale)).code).toBe('version_conflict');
    expect((await errorOf(await admin(app, 'PATCH', '/v1/admin/settings', { body: {}, headers: { 'If-Match': 'latest' } }))).code).toBe(
      'invalid_if_match',
    );
    expect(
      await json(await admin(app, 'PATCH', '/v1/admin/settings', { body: { inactivityDays: 9 }, headers: { 'If-Match': '"1"' } })),
    ).toMatchObject({ version: 2, inactivityDays: 9 });
  });

  it('rotates the secret key: the new one is shown once, both work, finishing retires the old one', async () => {
    const { app } = await promptApp([], { secretKeys: [SECRET] });
    const rotated = await json(await admin(app, 'POST', '/v1/admin/settings/keys/rotate'));
    const [created] = rotated.newSecrets;
    expect(created).toMatchObject({ for: 'secretKey', secret: expect.stringMatching(/^sk_[0-9a-f]{48}$/) });
    expect(rotated).toMatchObject({ keys: { secretKeyFingerprints: [keyFingerprint(SECRET), created!.fingerprint], rotating: true } });
    const again = await admin(app, 'GET', '/v1/admin/settings', { key: created!.secret });
    expect(again.status).toBe(200);
    expect(await again.text()).not.toContain(created!.secret);
    expect((await errorOf(await admin(app, 'POST', '/v1/admin/settings/keys/rotate'))).code).toBe('rotation_in_progress');

    const finished = await json(await admin(app, 'POST', '/v1/admin/settings/keys/finish-rotation', { key: created!.secret }));
    expect(finished).toMatchObject({ keys: { secretKeyFingerprints: [created!.fingerprint], rotating: false }, newSecrets: [] });
    expect((await admin(app, 'GET', '/v1/admin/settings')).status).toBe(401);
    expect((await errorOf(await admin(app, 'POST', '/v1/admin/settings/keys/finish-rotation', { key: created!.secret }))).code).toBe(
      'not_rotating',
    );
  });

  it("adds webhooks with a generated secret shown once, keeps an edited one's secrets, and rotates them", async () => {
    const { app } = await promptApp([], { webhooks: [{ url: 'https://hooks.acme.test/old', secrets: [WEBHOOK_SECRET] }] });
    const kept = keyFingerprint(WEBHOOK_SECRET);
    const res = await json(
      await admin(app, 'PATCH', '/v1/admin/settings', {
        body: {
          webhooks: [
            { url: 'https://hooks.acme.test/renamed', surveyResponses: 'all', secretsOf: kept },
            { url: 'https://hooks.acme.test/new', surveyIds: ['nps'] },
          ],
        },
      }),
    );
    const [created] = res.newSecrets;
    expect(created).toMatchObject({ for: 'https://hooks.acme.test/new', secret: expect.stringMatching(/^whsec_/) });
    expect(res.webhooks).toEqual([
      { url: 'https://hooks.acme.test/renamed', surveyResponses: 'all', secretFingerprints: [kept] },
      { url: 'https://hooks.acme.test/new', surveyResponses: 'detractors', surveyIds: ['nps'], secretFingerprints: [created!.fingerprint] },
    ]);

    const unknown = await admin(app, 'PATCH', '/v1/admin/settings', {
      body: { webhooks: [{ url: 'https://hooks.acme.test/x', secretsOf: 'sha256:000000000000' }] },
    });
    expect((await errorOf(unknown)).issues).toEqual([
      { path: 'webhooks.0.secretsOf', message: expect.stringContaining('no webhook signs with sha256:000000000000') },
    ]);

    const rotated = await json(await admin(app, 'POST', '/v1/admin/settings/webhooks/rotate', { body: { fingerprint: kept } }));
    const [next] = rotated.newSecrets;
    expect(rotated.webhooks).toMatchObject([{ secretFingerprints: [kept, next!.fingerprint] }, {}]);
    const finished = await json(
      await admin(app, 'POST', '/v1/admin/settings/webhooks/finish-rotation', { body: { fingerprint: next!.fingerprint } }),
    );
    expect(finished.webhooks).toMatchObject([{ secretFingerprints: [next!.fingerprint] }, {}]);
    expect((await errorOf(await admin(app, 'POST', '/v1/admin/settings/webhooks/rotate', { body: { fingerprint: kept } }))).code).toBe(
      'webhook_not_found',
    );
  });

  it("takes changes from the console's session with its CSRF token, and records them as the signed-in person's", async () => {
    const { app } = testApp({ env: { HEARTH_ADMIN_PASSWORD: 'settings-test-password' } });
    const signIn = await app.request('/v1/admin/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'admin@localhost', password: 'settings-test-password' }),
    });
    const cookie = (signIn.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const change = (headers: Record<string, string>) =>
      app.request('/v1/admin/settings', {
        method: 'PATCH',
        headers: { Cookie: cookie, 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ inactivityDays: 21 }),
      });
    expect((await errorOf(await change({}))).code).toBe('csrf_failed');
    const saved = await change({ 'X-Hearth-CSRF': csrfToken });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ version: 1, inactivityDays: 21, updatedBy: 'admin@localhost' });
  });

  it('removes an optional setting with null and refuses browser calls with a secret key', async () => {
    const { app } = await promptApp([], { locales: { default: 'en', supported: ['en', 'fr'] } });
    expect(await json(await admin(app, 'PATCH', '/v1/admin/settings', { body: { locales: null } }))).toMatchObject({ locales: null });
    const browser = await admin(app, 'PATCH', '/v1/admin/settings', { body: {}, headers: { Origin: 'https://evil.test' } });
    expect(browser.status).toBe(403);
  });
});
