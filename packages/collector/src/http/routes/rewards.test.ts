import { checklistPromptSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { batch, NOW, ORIGIN, post, PUBLIC_KEY, testApp, testConfig, trackEvent, userToken } from '../../test-support/http.js';
import { PROGRAM, rewardsTestApp } from '../../test-support/rewards-test-app.js';

const identified = (name: string, userId = 'u1') => trackEvent({ name, userId, properties: {} });
const item = (id: string, event: string) => ({ id, title: id, completeWhen: { type: 'event', event } });
/** The checklist the program's `first-invite` rule pays for. */
const gettingStarted = checklistPromptSchema.parse({
  id: 'getting-started',
  kind: 'checklist',
  status: 'live',
  content: { title: 'Getting started', items: [item('profile', 'profile_completed'), item('invite', 'teammate_invited')] },
});

describe('earning from browser events (forgery)', () => {
  it("pays nothing for a server-only rule's event tracked in a browser, even with a valid token", async () => {
    const { app, rewards, events } = rewardsTestApp();
    const res = await post(app, batch([identified('report_exported')], { userToken: await userToken('u1') }));
    expect(await res.json()).toMatchObject({ accepted: 1 });
    expect((await events.listEvents('acme', { userId: 'u1' }))[0]?.verified).toBe(true);
    expect(await rewards.balance('acme', 'u1')).toEqual({ balance: 0, lifetime: 0 });
  });

  it('pays a client-enabled rule only with a valid identity token for that user, within its cap', async () => {
    const { app, rewards } = rewardsTestApp();
    await post(app, batch([identified('logged_in')]));
    await post(app, batch([identified('logged_in')], { userToken: await userToken('mallory') }));
    expect((await rewards.balance('acme', 'u1')).balance).toBe(0);
    await post(app, batch([identified('logged_in')], { userToken: await userToken('u1') }));
    await post(app, batch([identified('logged_in')], { userToken: await userToken('u1') }));
    expect((await rewards.balance('acme', 'u1')).balance).toBe(5);
  });

  it('pays a re-sent batch once', async () => {
    const { app, rewards } = rewardsTestApp();
    const body = batch([identified('logged_in')], { userToken: await userToken('u1') });
    await post(app, body);
    await post(app, body);
    expect(await rewards.entries('acme', 'u1')).toHaveLength(1);
  });
});

describe('built-in sources', () => {
  it('pays a checklist item rule once however often progress reports it, for verified events only', async () => {
    const { app, engine, rewards } = rewardsTestApp();
    expect(await engine.onChecklists('acme', 'u1', [gettingStarted])).toEqual([]);
    await post(app, batch([identified('teammate_invited')], { userToken: await userToken('u1') }));
    const [first] = await engine.onChecklists('acme', 'u1', [gettingStarted]);
    const [again] = await engine.onChecklists('acme', 'u1', [gettingStarted]);
    expect([first?.status, again?.status]).toEqual(['created', 'duplicate']);
    expect(await rewards.balance('acme', 'u1')).toEqual({ balance: 20, lifetime: 20 });
  });
});

describe('browser endpoints are rate limited', () => {
  it('answers 429 with Retry-After once a client spends its budget, and other clients still pass', async () => {
    const config = testConfig({ rewards: PROGRAM }, { rateLimit: { perClientPerSecond: 1, burstSeconds: 2, perProjectPerSecond: 1_000 } });
    let client = 'a';
    const { app } = testApp({ config, clock: () => NOW, clientAddress: () => client });
    const token = await userToken('u1');
    const state = () => app.request(`/v1/rewards?key=${PUBLIC_KEY}&userId=u1&userToken=${token}`, { headers: { Origin: ORIGIN } });
    expect([(await state()).status, (await state()).status]).toEqual([200, 200]);
    const limited = await state();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    client = 'b';
    expect((await state()).status).toBe(200);
  });
});

describe("rewards texts in the user's locale", () => {
  const translated: typeof PROGRAM = {
    ...PROGRAM,
    translations: {
      ar: {
        rules: { export: { title: 'صدّر تقريرًا' } },
        badges: { exporter: { name: 'المصدِّر' } },
        tiers: { bronze: { name: 'برونزي' } },
        catalog: { tee: { name: 'قميص', description: 'قطن' } },
      },
    },
  };

  it('answers GET /v1/rewards with the translation of the best matching locale, text by text', async () => {
    const { app, events } = rewardsTestApp(translated);
    await events.prompts.seed('acme', [gettingStarted], NOW);
    const token = await userToken('u1');
    const get = async (locale?: string) => {
      const res = await app.request(`/v1/rewards?key=${PUBLIC_KEY}&userId=u1&userToken=${token}${locale ? `&locale=${locale}` : ''}`, {
        headers: { Origin: ORIGIN },
      });
      expect(res.status).toBe(200);
      return (await res.json()) as {
        tier: { name: string };
        badges: { name: string }[];
        waysToEarn: { id: string; title: string }[];
        catalog: { name: string; description?: string }[];
      };
    };
    const arabic = await get('ar-EG');
    expect(arabic.tier.name).toBe('برونزي');
    expect(arabic.badges[0]?.name).toBe('المصدِّر');
    expect(arabic.catalog[0]).toMatchObject({ name: 'قميص', description: 'قطن' });
    // Untranslated texts stay as written.
    expect(arabic.waysToEarn.map((way) => way.title)).toEqual(['صدّر تقريرًا', 'Log in', 'Invite a teammate']);
    for (const other of [undefined, 'nb', 'not a tag']) {
      const plain = await get(other && encodeURIComponent(other));
      expect(plain.catalog[0]?.name).toBe('T-shirt');
      expect(plain.tier.name).toBe('Bronze');
    }
  });
});
