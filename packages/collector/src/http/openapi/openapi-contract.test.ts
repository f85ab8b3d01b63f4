import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../config.js';
import { seedPrompts } from '../../seed-prompts.js';
import { NOW, ORIGIN, PUBLIC_KEY, SECRET, batch, pageToken, post, testApp, testConfig, trackEvent } from '../../test-support/http.js';
import { checklistInput } from '../../test-support/prompts.js';
import { NO_DNS, PROGRAM } from '../../test-support/rewards-test-app.js';
import { npsInput, nps } from '../../test-support/surveys.js';
import { signEmailLink } from '../../crypto/email-links.js';
import { signInAtProvider } from '../../test-support/oidc-browser.js';
import { startTestProvider } from '../../test-support/oidc-provider.js';

/**
 * The contract: a real collector (createApp on a real SQLite store) driven through every
 * documented operation; each answer's status must be documented for that operation and its body
 * must validate against the document's schema for that status (errors against ErrorBody).
 */
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: object;
};

const folder = mkdtempSync(join(tmpdir(), 'hearth-contract-'));
mkdirSync(join(folder, 'sdk'));
mkdirSync(join(folder, 'admin'));
writeFileSync(join(folder, 'sdk', 'hearth.js'), 'export {};\n');
writeFileSync(join(folder, 'admin', 'index.html'), '<!doctype html><title>Hearth</title>\n');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const WEBHOOK_SECRET = 'whsec_contract_test_secret_0123456789';
const STRIPE_SECRET = 'whsec_stripe_contract_0123456789';
const config = testConfig(
  {
    prompts: [checklistInput('getting-started', { events: ['report_exported'] }), npsInput()],
    rewards: { ...PROGRAM, expiryMonths: 12 },
    secretKeys: [SECRET],
    webhooks: [{ url: 'https://hooks.acme.test/nps', secrets: [WEBHOOK_SECRET] }],
    revenue: { currency: 'EUR', stripeWebhookSecrets: [STRIPE_SECRET] },
    email: { from: 'Acme <news@acme.test>' },
  },
  { publicUrl: 'https://hearth.acme.test' },
);
const { app, store } = testApp({
  config,
  widgetDir: join(folder, 'sdk'),
  adminDir: join(folder, 'admin'),
  env: { HEARTH_ADMIN_PASSWORD: 'contract-password' },
  webhookDelivery: NO_DNS,
  // Test sends need a relay; the SMTP path itself is tested against a real server in services/email.
  emailTransport: { send: async () => ({ outcome: 'accepted', messageId: '<contract@acme.test>' }), close: () => undefined },
});

let doc: Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
const covered = new Set<string>();

beforeAll(async () => {
  await seedPrompts(store, parseConfig(config), Date.now());
  doc = (await (await app.request('/openapi.json')).json()) as Doc;
  covered.add('GET /openapi.json');
  ajv.addSchema({ $id: 'hearth-openapi', components: doc.components });
});

/** The documented operation a request lands on: `/v1/admin/prompts/x` matches `/v1/admin/prompts/{id}`. */
function operationOf(method: string, url: string): string {
  const path = new URL(url, 'http://collector.test').pathname;
  const template = Object.keys(doc.paths).find((candidate) => {
    const pattern = new RegExp(`^${candidate.replace(/\{file\}/g, '.+').replace(/\{\w+\}/g, '[^/]+')}$`);
    return pattern.test(path) && doc.paths[candidate]?.[method.toLowerCase()];
  });
  if (!template) throw new Error(`${method} ${path} is not in the document`);
  return `${method.toUpperCase()} ${template}`;
}

/** Sends the request, checks the answer against the document, and returns it with its JSON body. */
async function call(method: string, url: string, init: { body?: unknown; headers?: Record<string, string | null>; on?: typeof app } = {}) {
  const operation = operationOf(method, url);
  // A console call carries the session cookie instead of a secret key: `Authorization: null` drops it.
  const headers = Object.entries({ Authorization: `Bearer ${SECRET}`, ...init.headers }).filter(
    (entry): entry is [string, string] => entry[1] !== null,
  );
  const res = await (init.on ?? app).request(url, {
    method,
    headers,
    ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
  });
  const [verb, template] = operation.split(' ') as [string, string];
  const responses = doc.paths[template]![verb.toLowerCase()]!.responses;
  const documented = responses[String(res.status)] ?? (res.status >= 400 ? responses.default : undefined);
  expect(documented, `${operation} answered ${res.status}, which is not documented`).toBeDefined();
  const text = await res.text();
  const [media, described] = Object.entries(documented?.content ?? {})[0] ?? [];
  if (!media) {
    expect(text, `${operation} ${res.status} has no body`).toBe('');
  } else if (media === 'application/json') {
    const validate = ajv.compile({ $ref: `hearth-openapi${(described?.schema as { $ref: string }).$ref}` });
    const body: unknown = JSON.parse(text);
    expect(validate(body) ? [] : validate.errors, `${operation} ${res.status}: ${text.slice(0, 300)}`).toEqual([]);
    if (res.status < 400) covered.add(operation);
    return { res, body };
  } else {
    expect(res.headers.get('content-type') ?? '', operation).toContain(media);
  }
  if (res.status < 400) covered.add(operation);
  return { res, body: undefined as unknown };
}

/** A value inside a JSON answer: `field(body, 'redemption', 'id')`. */
const field = <T = string>(body: unknown, ...path: (string | number)[]): T =>
  path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)[key], body) as T;

const page = { 'Content-Type': 'text/plain;charset=UTF-8', Origin: ORIGIN };
const as = async (userId: string) => `userId=${userId}&userToken=${await pageToken(userId)}`;

describe('every documented operation answers as the document says', () => {
  it('public routes: batch, state, responses, rewards', async () => {
    expect(
      (
        await post(
          app,
          batch([trackEvent({ anonymousId: 'anon-ada', type: 'identify', name: undefined, userId: 'ada' })], {
            userToken: await pageToken('ada'),
          }),
        )
      ).status,
    ).toBe(200);
    await call('POST', `/v1/batch?key=${PUBLIC_KEY}`, {
      headers: page,
      body: batch([trackEvent({ anonymousId: 'anon-ada', userId: 'ada', name: 'report_exported' })], { userToken: await pageToken('ada') }),
    });
    const state = await call('GET', `/v1/state?key=${PUBLIC_KEY}&anonymousId=anon-ada&${await as('ada')}`, { headers: { Origin: ORIGIN } });
    expect(field<unknown[]>(state.body, 'prompts').length).toBeGreaterThan(0);
    await call('GET', `/v1/state?key=${PUBLIC_KEY}&anonymousId=anon-ada&${await as('ada')}`, {
      headers: { Origin: ORIGIN, 'If-None-Match': state.res.headers.get('etag')! },
    });
    await call('POST', `/v1/responses?key=${PUBLIC_KEY}`, {
      headers: page,
      body: { surveyId: 'nps', cycle: 1, anonymousId: 'anon-ada', userId: 'ada', userToken: await pageToken('ada'), answer: nps(9) },
    });
    await call('GET', `/v1/rewards?key=${PUBLIC_KEY}&${await as('ada')}`, { headers: { Origin: ORIGIN } });
  });

  it('server routes', async () => {
    await call('POST', '/v1/server/events', { body: { events: [{ id: 'export-1', userId: 'ada', name: 'report_exported' }] } });
    await call('POST', '/v1/server/points', { body: { userId: 'ada', amount: 100, reason: 'welcome', idempotencyKey: 'welcome-ada' } });
    await call('PUT', '/v1/server/users/ada/traits', { body: { traits: { plan: 'pro' } } });
    await call('PUT', '/v1/server/accounts/acme', { body: { traits: { plan: 'trial', seats: 5 } } });
    await call('PUT', '/v1/server/accounts/acme/members/ada', { body: { joinedAt: '2026-01-05T00:00:00.000Z' } });
    await call('PUT', '/v1/server/accounts/acme/members/bob');
    await call('GET', '/v1/server/accounts/acme');
    await call('DELETE', '/v1/server/accounts/acme/members/bob');
    expect((await call('DELETE', '/v1/server/accounts/acme/members/bob')).res.status).toBe(404);
    await call('GET', '/v1/server/users/ada/balance');
    await call('GET', '/v1/server/users/ada/ledger?limit=10');
    const redeemed = await call('POST', `/v1/rewards/redeem?key=${PUBLIC_KEY}`, {
      headers: page,
      body: { itemId: 'tee', requestId: 'req-1', userId: 'ada', userToken: await pageToken('ada') },
    });
    await call('POST', `/v1/server/redemptions/${field(redeemed.body, 'redemption', 'id')}/fulfilled`);
    const rewards = await call('GET', `/v1/rewards?key=${PUBLIC_KEY}&${await as('ada')}`, { headers: { Origin: ORIGIN } });
    await call('POST', '/v1/server/referrals', { body: { userId: 'bob', code: field(rewards.body, 'referral', 'code') } });
    await call('POST', '/v1/server/rewards/expire');
    await call('GET', '/v1/server/rewards/kpis');
    const payment = { id: 'inv-1', type: 'payment', userId: 'ada', amount: 1999, currency: 'EUR', occurredAt: '2026-11-20T10:00:00Z' };
    await call('POST', '/v1/server/revenue', { body: payment });
    await call('POST', '/v1/server/revenue', { body: payment });
    await call('GET', '/v1/server/revenue/kpis');
    const event = JSON.stringify({
      id: 'evt_1',
      object: 'event',
      type: 'invoice.paid',
      created: NOW / 1000,
      data: { object: { id: 'in_1', customer: 'cus_1', currency: 'eur', amount_paid: 500, subscription: null } },
    });
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: event, secret: STRIPE_SECRET, timestamp: NOW / 1000 });
    await call('POST', '/v1/integrations/stripe', { headers: { Authorization: null, 'Stripe-Signature': signature }, body: event });
    await call('GET', '/v1/server/users/ada/export');
    await call('DELETE', '/v1/server/users/carol');
  });

  it('admin routes: prompts, KPIs, users', async () => {
    await call('GET', '/v1/admin/prompts');
    const draft = { ...checklistInput('tour', { status: 'draft' }) };
    await call('POST', '/v1/admin/prompts', { body: draft });
    await call('GET', '/v1/admin/prompts/tour');
    await call('PUT', '/v1/admin/prompts/tour', { body: { ...draft, content: { ...draft.content, title: 'Tour' } } });
    await call('POST', '/v1/admin/prompts/tour/publish');
    await call('GET', '/v1/admin/prompts/tour/versions');
    await call('POST', '/v1/admin/prompts/tour/rollback', { body: { version: 1 } });
    await call('POST', '/v1/admin/prompts/tour/pause');
    await call('POST', '/v1/admin/prompts/tour/archive');
    await call('POST', '/v1/admin/prompts/archive', { body: { ids: ['tour'] } });
    await call('GET', '/v1/admin/prompts/getting-started/explain?userId=ada');
    await call('GET', '/v1/admin/vocabulary');
    for (const kpi of [
      'checklists/getting-started',
      'surveys/nps',
      'active-users',
      'churn',
      'cohorts',
      'drop-off',
      'adoption?event=report_exported',
      'usage?segment=lifecycle:new',
      'rewards',
      'revenue',
      'program-impact?survey=nps',
      'overview',
    ]) {
      await call('GET', `/v1/admin/kpi/${kpi}`);
    }
    for (const path of [
      '/v1/admin/surveys/nps/responses.csv',
      '/v1/admin/users?q=a',
      '/v1/admin/users/ada',
      '/v1/admin/users/ada/export',
      '/v1/admin/accounts?q=ac',
      '/v1/admin/kpi/accounts/active',
      '/v1/admin/kpi/accounts/churn?inactivityDays=7',
      '/v1/admin/kpi/accounts/nps',
      '/v1/admin/kpi/accounts/cohorts?period=month',
      '/v1/admin/accounts/acme',
    ])
      await call('GET', path);
    await call('DELETE', '/v1/admin/users/bob');
  });

  it('admin routes: announcements, and the public feed and changelog', async () => {
    const announcement = { id: 'dark-mode', content: { title: 'Dark mode', body: 'Try **it**' } };
    await call('POST', '/v1/admin/announcements/preview', { body: announcement });
    await call('POST', '/v1/admin/announcements', { body: announcement });
    await call('GET', '/v1/admin/announcements');
    await call('GET', '/v1/admin/announcements/dark-mode');
    await call('PUT', '/v1/admin/announcements/dark-mode', { body: { content: { title: 'Dark mode!', body: 'Try it' } } });
    await call('POST', '/v1/admin/announcements/dark-mode/publish', { body: {} });
    const feed = await call('GET', `/v1/announcements?key=${PUBLIC_KEY}&anonymousId=anon-ada&${await as('ada')}`, {
      headers: { Origin: ORIGIN },
    });
    expect(field<unknown[]>(feed.body, 'items')).toHaveLength(1);
    await call('GET', `/v1/announcements?key=${PUBLIC_KEY}&anonymousId=anon-ada&${await as('ada')}`, {
      headers: { Origin: ORIGIN, 'If-None-Match': feed.res.headers.get('etag')! },
    });
    await call('GET', '/changelog/acme');
    await call('GET', '/changelog/acme/feed.xml');
    await call('GET', '/v1/admin/announcements/dark-mode/kpis');
    await call('POST', '/v1/admin/announcements/dark-mode/pause');
    await call('POST', '/v1/admin/announcements/dark-mode/archive');
    await call('POST', '/v1/admin/announcements/archive', { body: { ids: ['dark-mode'] } });
    await call('DELETE', '/v1/admin/announcements/dark-mode');
  });

  it('lifecycle email: messages, preview, history, KPIs, bounces and the links in the mails', async () => {
    const message = { id: 'whats-new', kind: 'digest', status: 'draft', content: { subject: 'What is new', body: 'Hi {{user.name}}' } };
    await call('POST', '/v1/admin/email/messages', { body: message });
    await call('GET', '/v1/admin/email/messages');
    await call('GET', '/v1/admin/email/messages/whats-new');
    await call('PUT', '/v1/admin/email/messages/whats-new', { body: { message: { ...message, status: 'live' }, version: 1 } });
    await call('POST', '/v1/admin/email/preview', { body: { message, userId: 'ada' } });
    await call('POST', '/v1/admin/email/test-send', { body: { message, userId: 'ada', to: 'me@acme.test' } });
    await call('GET', '/v1/admin/email/messages/whats-new/kpis');
    await call('GET', '/v1/admin/email/sends?limit=10');
    await call('POST', '/v1/server/email/bounces', { body: { email: 'gone@people.test', type: 'hard' } });
    const at = Date.now();
    const base = { kind: 'nps', campaign: 'nps', status: 'queued', notBefore: at, createdAt: at } as const;
    await store.email.enqueue([
      {
        ...base,
        projectId: 'acme',
        sendId: 'send-nps',
        messageId: 'nps-mail',
        userId: 'cy',
        period: 'cycle-1',
        category: 'surveys',
        payload: { surveyId: 'nps', cycle: 1 },
      },
    ]);
    const token = (claims: Record<string, unknown>) =>
      encodeURIComponent(signEmailLink({ projectId: 'acme', sendId: 'send-nps', expiresAt: at + 86_400_000, ...claims } as never, SECRET));
    await call('GET', `/v1/email/click?t=${token({ action: 'click', url: 'https://acme.test/' })}`);
    await call('GET', `/v1/email/nps?t=${token({ action: 'nps', score: 9 })}`);
    await call('POST', `/v1/email/nps?t=${token({ action: 'nps', score: 9 })}`, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'comment=Great',
    });
    await call('GET', `/v1/email/unsubscribe?t=${token({ action: 'unsubscribe' })}`);
    await call('POST', `/v1/email/unsubscribe?t=${token({ action: 'unsubscribe' })}`, { body: 'List-Unsubscribe=One-Click' });
    await call('DELETE', '/v1/admin/email/messages/whats-new');
  });

  it('console session, settings, rewards program, assets', async () => {
    const signIn = await call('POST', '/v1/admin/session', {
      headers: { Authorization: null },
      body: { email: 'admin@localhost', password: 'contract-password' },
    });
    const session = {
      Authorization: null,
      Cookie: signIn.res.headers.get('set-cookie')!.split(';')[0]!,
      'X-Hearth-CSRF': field(signIn.body, 'csrfToken'),
    };
    await call('GET', '/v1/admin/session', { headers: session });
    const settings = await call('GET', '/v1/admin/settings', { headers: session });
    await call('PATCH', '/v1/admin/settings', { headers: session, body: { inactivityDays: 20 } });
    const fingerprint = field(settings.body, 'webhooks', 0, 'secretFingerprints', 0);
    await call('POST', '/v1/admin/settings/webhooks/rotate', { headers: session, body: { fingerprint } });
    await call('POST', '/v1/admin/settings/webhooks/finish-rotation', { headers: session, body: { fingerprint } });
    const program = await call('GET', '/v1/admin/rewards-program', { headers: session });
    await call('PUT', '/v1/admin/rewards-program', {
      headers: { ...session, 'If-Match': `"${field<number>(program.body, 'version')}"` },
      body: field<object>(program.body, 'program'),
    });
    await call('POST', '/v1/admin/settings/keys/rotate', { headers: session });
    await call('POST', '/v1/admin/settings/keys/finish-rotation', { headers: session });
    await teamOperations(session);
    await call('DELETE', '/v1/admin/session', { headers: session });
    await call('GET', '/healthz');
    await call('GET', '/readyz');
    await call('GET', '/sdk/hearth.js');
    await call('GET', '/admin');
    await call('GET', '/admin/checklists'); // a console route: answered with index.html
  });

  it('single sign-on against a local provider: options, start, callback, and signing out at the provider', async () => {
    const redirectUri = 'http://127.0.0.1:9/v1/admin/oidc/callback';
    const client = { clientId: 'hearth-contract', clientSecret: 'contract-client-secret' };
    const person = { login: 'vera', email: 'vera@acme.test', name: 'Vera', groups: ['staff'] };
    const provider = await startTestProvider({ ...client, redirectUri, people: [person] });
    try {
      const oidc = { issuer: provider.issuer, ...client, redirectUri, rolesClaim: 'groups', scopes: ['openid', 'email', 'groups'] };
      const sso = testApp({ config: testConfig({}, { admin: { oidc: { ...oidc, roleMapping: { staff: { acme: 'viewer' } } } } }) }).app;
      const open = { Authorization: null };
      await call('GET', '/v1/admin/oidc', { on: sso, headers: open });
      const started = await call('GET', '/v1/admin/oidc/start', { on: sso, headers: open });
      const back = await signInAtProvider(started.res.headers.get('location')!, person.login, redirectUri);
      const stateCookie = started.res.headers.get('set-cookie')!.split(';')[0]!;
      const signedIn = await call('GET', `/v1/admin/oidc/callback${back.search}`, { on: sso, headers: { ...open, Cookie: stateCookie } });
      const cookie = signedIn.res.headers
        .getSetCookie()
        .find((c) => c.startsWith('hearth_admin='))!
        .split(';')[0]!;
      const described = await call('GET', '/v1/admin/session', { on: sso, headers: { ...open, Cookie: cookie } });
      await call('DELETE', '/v1/admin/session', {
        on: sso,
        headers: { ...open, Cookie: cookie, 'X-Hearth-CSRF': field(described.body, 'csrfToken') },
      });
    } finally {
      await provider.close();
    }
  });

  /** Invitations (accepted as a new and as an existing account), members, sessions and the audit log. */
  async function teamOperations(session: Record<string, string | null>) {
    const open = { Authorization: null };
    const invite = async (role: string) =>
      field((await call('POST', '/v1/admin/team/invites', { headers: session, body: { email: 'ed@acme.test', role } })).body, 'link').split(
        '#',
      )[1]!;
    const token = await invite('editor');
    await call('POST', '/v1/admin/invites/peek', { headers: open, body: { token } });
    const accepted = await call('POST', '/v1/admin/invites/accept', {
      headers: open,
      body: { token, name: 'Ed', password: 'ed-long-password' },
    });
    const edId = field(accepted.body, 'user', 'id');
    await call('POST', '/v1/admin/invites/accept', { headers: open, body: { token: await invite('viewer') } });
    const withdrawn = await call('POST', '/v1/admin/team/invites', { headers: session, body: { email: 'vi@acme.test', role: 'viewer' } });
    await call('DELETE', `/v1/admin/team/invites/${field(withdrawn.body, 'invite', 'id')}`, { headers: session });
    await call('GET', '/v1/admin/team/members', { headers: session });
    await call('PATCH', `/v1/admin/team/members/${edId}`, { headers: session, body: { role: 'editor' } });
    const sessions = field<{ id: string; userId: string }[]>(
      (await call('GET', '/v1/admin/team/sessions', { headers: session })).body,
      'sessions',
    );
    await call('DELETE', `/v1/admin/team/sessions/${sessions.find((s) => s.userId === edId)!.id}`, { headers: session });
    await call('DELETE', `/v1/admin/team/members/${edId}`, { headers: session });
    await call('GET', '/v1/admin/audit?limit=50', { headers: session });
    await call('GET', '/v1/admin/audit.csv', { headers: session });
  }

  it('drove every documented operation to a success', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.filter((operation) => !covered.has(operation))).toEqual([]);
  });
});
