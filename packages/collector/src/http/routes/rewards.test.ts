import { describe, expect, it } from 'vitest';
import { batch, post, trackEvent, userToken } from '../../test-support/http.js';
import { rewardsTestApp } from './rewards-test-app.js';

const identified = (name: string, userId = 'u1') => trackEvent({ name, userId, properties: {} });

describe('earning from browser events (forgery)', () => {
  it('pays nothing for a server-only rule\'s event tracked in a browser, even with a valid token', async () => {
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
  it('pays a checklist item rule once however often progress reports it', async () => {
    const { engine, rewards } = rewardsTestApp();
    expect(await engine.onChecklistItem('acme', 'u1', 'getting-started', 'profile')).toEqual([]);
    const [first] = await engine.onChecklistItem('acme', 'u1', 'getting-started', 'invite');
    const [again] = await engine.onChecklistItem('acme', 'u1', 'getting-started', 'invite');
    expect([first?.status, again?.status]).toEqual(['created', 'duplicate']);
    expect(await rewards.balance('acme', 'u1')).toEqual({ balance: 20, lifetime: 20 });
  });
});
