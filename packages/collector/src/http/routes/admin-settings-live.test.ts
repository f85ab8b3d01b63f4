import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SETTINGS_SYNC_MS } from '../../services/project-settings.js';
import { openSqliteStore } from '../../storage/sqlite/sqlite-store.js';
import {
  NOW,
  ORIGIN,
  PUBLIC_KEY,
  SECRET,
  batch,
  errorOf,
  post,
  testApp,
  testConfig,
  trackEvent,
  userToken,
} from '../../test-support/http.js';
import { admin, checklistInput, getState, promptApp } from '../../test-support/prompts.js';
import { nps, npsInput, respond, surveyApp } from '../../test-support/surveys.js';
import { webhookReceiver } from '../../test-support/webhook-receiver.js';
import { verifyWebhook } from '@hearth/node';

/** Changes made through PATCH /v1/admin/settings take effect on the next request, without a restart. */
const patch = async (app: Parameters<typeof admin>[0], body: unknown, key = SECRET) => {
  const res = await admin(app, 'PATCH', '/v1/admin/settings', { body, key });
  expect(res.status).toBe(200);
  return (await res.json()) as { version: number; newSecrets: { secret: string; fingerprint: string }[] };
};

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

describe('project settings apply live', () => {
  it('a newly allowed origin gets CORS on the next request; a removed one is refused', async () => {
    const { app } = await promptApp([]);
    const NEW = 'https://beta.acme.test';
    const state = (origin: string) => app.request(`/v1/state?key=${PUBLIC_KEY}&anonymousId=anon-1`, { headers: { Origin: origin } });
    expect((await errorOf(await state(NEW))).code).toBe('origin_not_allowed');
    await patch(app, { allowedOrigins: [NEW] });
    const allowed = await state(NEW);
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe(NEW);
    expect((await state(ORIGIN)).status).toBe(403);
  });

  it('turning enforcement on rejects identified events without a valid userToken at once', async () => {
    const { app } = await promptApp([], { identityVerification: { enforce: false } });
    const identified = () => batch([trackEvent({ userId: 'ada', anonymousId: 'anon-ada' })]);
    expect((await post(app, identified())).status).toBe(200);
    await patch(app, { identityVerification: { enforce: true } });
    const refused = await post(app, identified());
    expect(refused.status).toBe(401);
    expect(
      (await post(app, batch([trackEvent({ userId: 'ada', anonymousId: 'anon-ada' })], { userToken: await userToken('ada') }))).status,
    ).toBe(200);
  });

  it('tokens signed with either secret verify during a rotation, only the new one after it', async () => {
    const { app } = await promptApp([], { secretKeys: [SECRET], identityVerification: { enforce: true } });
    const rotate = await admin(app, 'POST', '/v1/admin/settings/keys/rotate');
    const { secret } = ((await rotate.json()) as { newSecrets: { secret: string }[] }).newSecrets[0]!;
    const send = async (key: string) =>
      (
        await post(
          app,
          batch([trackEvent({ userId: 'ada', anonymousId: 'anon-ada' })], { userToken: await userToken('ada', { secret: key }) }),
        )
      ).status;
    expect([await send(SECRET), await send(secret)]).toEqual([200, 200]);
    expect((await admin(app, 'POST', '/v1/admin/settings/keys/finish-rotation', { key: secret })).status).toBe(200);
    expect([await send(SECRET), await send(secret)]).toEqual([401, 200]);
  });

  it('a new inactivity threshold is what the churn KPI uses next', async () => {
    const { app } = await promptApp([], { inactivityDays: 30 });
    const churn = async () =>
      ((await (await admin(app, 'GET', '/v1/admin/kpi/churn')).json()) as { inactivityDays: number }).inactivityDays;
    expect(await churn()).toBe(30);
    await patch(app, { inactivityDays: 3 });
    expect(await churn()).toBe(3);
  });

  it('refuses a webhook pointing inside the network, naming the field, unless the file allows private targets', async () => {
    const { app } = await surveyApp([npsInput()]);
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://[::ffff:7f00:1]/hook',
      'http://0x0a.0.0.1/hook',
      'http://metadata.google.internal/',
    ]) {
      const res = await admin(app, 'PATCH', '/v1/admin/settings', {
        body: { webhooks: [{ url: 'https://hooks.acme.example/ok' }, { url }] },
      });
      expect(res.status, url).toBe(400);
      expect((await errorOf(res)).issues, url).toEqual([
        { path: 'webhooks.1.url', message: expect.stringContaining('allowPrivateWebhookTargets') },
      ]);
    }
    const allowed = await surveyApp([npsInput()], { allowPrivateWebhookTargets: true });
    expect(
      (await admin(allowed.app, 'PATCH', '/v1/admin/settings', { body: { webhooks: [{ url: 'http://127.0.0.1:9/hook' }] } })).status,
    ).toBe(200);
  });

  it('a webhook added in the console receives the next detractor, signed with the secret shown once', async () => {
    const { url, received, close } = await webhookReceiver();
    cleanups.push(close);
    // The receiver is on 127.0.0.1: a project that explicitly allows private targets.
    const { app } = await surveyApp([npsInput()], { allowPrivateWebhookTargets: true });
    const { newSecrets } = await patch(app, { webhooks: [{ url }] });
    await respond(app, { userId: 'max', answer: nps(2) });
    await vi.waitFor(() => expect(received).toHaveLength(1));
    const { body, headers } = received[0]!;
    expect(verifyWebhook({ body, header: headers['hearth-signature'] as string, secrets: [newSecrets[0]!.secret] }).ok).toBe(true);
    expect(JSON.parse(body)).toMatchObject({ type: 'survey.response.created', data: { userId: 'max', group: 'detractor' } });
  });

  it('the project theme and locales reach GET /v1/state', async () => {
    const { app } = await promptApp([]);
    expect(await (await getState(app, { anonymousId: 'anon-1' })).json()).not.toHaveProperty('theme');
    await patch(app, { theme: { brandColor: '#0a7f5a', radius: 12, font: 'Inter, sans-serif', mode: 'auto' } });
    expect(await (await getState(app, { anonymousId: 'anon-1' })).json()).toMatchObject({
      theme: { brandColor: '#0a7f5a', radius: 12, font: 'Inter, sans-serif', mode: 'auto' },
    });
  });

  it('project locales decide the language of users whose own is missing or not offered', async () => {
    const prompt = { ...checklistInput('welcome', { title: 'Welcome' }), translations: { fr: { title: 'Bienvenue' } } };
    const { app } = await promptApp([prompt]);
    const title = async (locale?: string) => {
      const res = await getState(app, { anonymousId: 'anon-1', ...(locale ? { locale } : {}) });
      return ((await res.json()) as { prompts: { title: string }[] }).prompts[0]?.title;
    };
    expect([await title(), await title('de'), await title('fr-CA')]).toEqual(['Welcome', 'Welcome', 'Bienvenue']);
    await patch(app, { locales: { default: 'fr', supported: ['fr', 'en'] } });
    expect([await title(), await title('de'), await title('en-GB')]).toEqual(['Bienvenue', 'Bienvenue', 'Welcome']);
  });

  it('a rewards program set in the console pays on the next server event', async () => {
    const { app } = await promptApp([]);
    const exported = async (id: string) => {
      const res = await admin(app, 'POST', '/v1/server/events', { body: { events: [{ id, userId: 'ada', name: 'report_exported' }] } });
      return (await res.json()) as { awards: { points: number }[] };
    };
    expect((await exported('export-0001')).awards).toEqual([]);
    await patch(app, {
      rewards: { rules: [{ id: 'export', title: 'Export a report', on: { type: 'event', event: 'report_exported' }, points: 50 }] },
    });
    expect((await exported('export-0002')).awards).toEqual([expect.objectContaining({ ruleId: 'export', points: 50, status: 'created' })]);
    expect(await (await admin(app, 'GET', '/v1/server/users/ada/balance')).json()).toMatchObject({ balance: 50 });
  });
});

describe('project settings persist and spread', () => {
  it('survive a restart: a collector on the same database applies them before its first request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-settings-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'hearth.sqlite');
    const first = openSqliteStore(file);
    await patch(testApp({ store: first }).app, { theme: { brandColor: '#123456' }, inactivityDays: 9 });
    await first.close();

    const second = openSqliteStore(file);
    cleanups.push(() => void second.close());
    const { app } = testApp({ store: second, config: testConfig({ inactivityDays: 40 }) });
    expect(await (await getState(app, { anonymousId: 'anon-1' })).json()).toMatchObject({ theme: { brandColor: '#123456' } });
    // Edited fields come from the store, the others from the file.
    expect(await (await admin(app, 'GET', '/v1/admin/settings')).json()).toMatchObject({
      version: 1,
      inactivityDays: 9,
      fatigue: { maxInterruptingPerDay: 1 },
    });
  });

  it('another collector on the same database picks a change up within the sync interval', async () => {
    const store = openSqliteStore(':memory:');
    let now = NOW;
    const a = testApp({ store, clock: () => now }).app;
    const b = testApp({ store, clock: () => now }).app;
    const origin = 'https://gamma.acme.test';
    const fromB = () => b.request(`/v1/state?key=${PUBLIC_KEY}&anonymousId=anon-1`, { headers: { Origin: origin } });
    expect((await fromB()).status).toBe(403);
    await patch(a, { allowedOrigins: [origin] });
    expect((await fromB()).status).toBe(403);
    now += SETTINGS_SYNC_MS;
    expect((await fromB()).status).toBe(200);
  });
});
