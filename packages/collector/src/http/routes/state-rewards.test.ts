import { userStateSchema, type RewardsConfigInput } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { inRewardsHoldout } from '../../domain/rewards/holdout.js';
import { ORIGIN, PUBLIC_KEY, userToken } from '../../test-support/http.js';
import { checklistInput, getState, promptApp, track } from '../../test-support/prompts.js';

const PROGRAM: RewardsConfigInput = {
  rules: [
    { id: 'step', title: 'Onboarding step', on: { type: 'checklistItem', checklistId: 'onboarding' }, points: 20 },
    { id: 'onboarded', title: 'Finish onboarding', on: { type: 'checklistComplete', checklistId: 'onboarding' }, points: 100 },
  ],
  tiers: [{ id: 'bronze', name: 'Bronze', minPoints: 0 }],
};

const setup = () => promptApp([checklistInput('onboarding', { events: ['Project Created', 'Report Exported'] })], { rewards: PROGRAM });

async function stateOf(app: Awaited<ReturnType<typeof setup>>['app'], userId: string, token?: string) {
  const res = await getState(app, { anonymousId: `anon-${userId}`, userId, userToken: token ?? '' });
  expect(res.status).toBe(200);
  return userStateSchema.parse(await res.json());
}

describe('GET /v1/state with a rewards program', () => {
  it('pays each done checklist item and the completion once, and answers the new balance in the same state', async () => {
    const { app, store } = await setup();
    const token = await userToken('ada');
    expect((await stateOf(app, 'ada', token)).rewards).toMatchObject({ balance: 0, history: [] });
    await track(app, 'ada', 'Project Created');
    expect((await stateOf(app, 'ada', token)).rewards?.balance).toBe(20);
    // Asking again reports the same item again: its idempotency key pays it once.
    expect((await stateOf(app, 'ada', token)).rewards?.balance).toBe(20);
    await track(app, 'ada', 'Report Exported');
    const rewards = (await stateOf(app, 'ada', token)).rewards;
    expect(rewards).toMatchObject({ balance: 140, lifetime: 140, tier: { id: 'bronze' } });
    expect(rewards?.history.map((entry) => entry.amount).sort((a, b) => a - b)).toEqual([20, 20, 100]);
    expect(await store.rewards.entries('acme', 'ada')).toHaveLength(3);
  });

  it('gives no rewards (and pays nothing) to a user id without a valid identity token, even with enforcement opted out', async () => {
    const { app, store } = await promptApp([checklistInput('onboarding', { events: ['Project Created', 'Report Exported'] })], {
      rewards: PROGRAM,
      identityVerification: { enforce: false },
    });
    await track(app, 'max', 'Project Created');
    expect((await stateOf(app, 'max')).rewards).toBeUndefined();
    expect((await stateOf(app, 'max', await userToken('mallory'))).rewards).toBeUndefined();
    expect(await store.rewards.balance('acme', 'max')).toEqual({ balance: 0, lifetime: 0 });
  });

  it('never shows the program to its randomized holdout, and pays the holdout nothing (decided on the server)', async () => {
    const program = { ...PROGRAM, holdout: { percent: 50 } };
    const { app, store } = await promptApp([checklistInput('onboarding', { events: ['Project Created'] })], { rewards: program });
    const ids = Array.from({ length: 20 }, (_, i) => `user-${i}`);
    const held = ids.find((id) => inRewardsHoldout(program, 'acme', id))!;
    const exposed = ids.find((id) => !inRewardsHoldout(program, 'acme', id))!;
    for (const userId of [held, exposed]) await track(app, userId, 'Project Created');
    const heldState = await stateOf(app, held, await userToken(held));
    expect(heldState.rewards).toBeUndefined();
    expect(heldState.prompts.map((prompt) => prompt.id)).toEqual(['onboarding']); // the checklist itself still shows
    expect((await stateOf(app, exposed, await userToken(exposed))).rewards?.balance).toBe(120);
    expect(await store.rewards.balance('acme', held)).toEqual({ balance: 0, lifetime: 0 });
  });

  it('holds out whole accounts with unit account: every user of a held-out account, by the account hash alone', async () => {
    const program = { ...PROGRAM, holdout: { percent: 50, unit: 'account' as const } };
    const { app, store } = await promptApp([checklistInput('onboarding', { events: ['Project Created'] })], { rewards: program });
    const ids = Array.from({ length: 40 }, (_, i) => `id-${i}`);
    const heldAccount = ids.find((id) => inRewardsHoldout(program, 'acme', id))!;
    const exposedAccount = ids.find((id) => !inRewardsHoldout(program, 'acme', id))!;
    // Users whose own hash says the opposite of their account's, so a user-level draw would fail here.
    const [ann, ben] = ids.filter((id) => !inRewardsHoldout(program, 'acme', id)).slice(1, 3) as [string, string];
    const [cid, dot] = ids.filter((id) => inRewardsHoldout(program, 'acme', id)).slice(1, 3) as [string, string];
    const join = (accountId: string, userId: string) => store.accounts.addMember('acme', accountId, userId, { joinedAt: 0, activeAt: 0 });
    await join(heldAccount, ann);
    await join(heldAccount, ben);
    await join(exposedAccount, ben); // any held-out account holds a user out
    await join(exposedAccount, cid); // dot is in no account: exposed
    for (const userId of [ann, ben, cid, dot]) await track(app, userId, 'Project Created');
    for (const userId of [ann, ben]) {
      const token = await userToken(userId);
      expect((await stateOf(app, userId, token)).rewards).toBeUndefined();
      const rewards = await app.request(`/v1/rewards?key=${PUBLIC_KEY}&userId=${userId}&userToken=${token}`, {
        headers: { Origin: ORIGIN },
      });
      expect(rewards.status).toBe(404);
      expect(await store.rewards.balance('acme', userId)).toEqual({ balance: 0, lifetime: 0 });
    }
    for (const userId of [cid, dot]) expect((await stateOf(app, userId, await userToken(userId))).rewards?.balance).toBe(120);
  });

  it('leaves the state of a project without a program unchanged', async () => {
    const { app } = await promptApp([checklistInput('onboarding')]);
    expect(
      await (await getState(app, { anonymousId: 'anon-ada', userId: 'ada', userToken: await userToken('ada') })).json(),
    ).not.toHaveProperty('rewards');
  });

  it("gives the rewards texts in the state's locale", async () => {
    const { app } = await promptApp([checklistInput('onboarding', { events: ['Project Created'] })], {
      rewards: { ...PROGRAM, translations: { ar: { tiers: { bronze: { name: 'برونزي' } }, rules: { step: { title: 'خطوة الإعداد' } } } } },
    });
    const token = await userToken('ada');
    const get = async (locale?: string) => {
      const res = await getState(app, { anonymousId: 'anon-ada', userId: 'ada', userToken: token, ...(locale ? { locale } : {}) });
      return userStateSchema.parse(await res.json()).rewards;
    };
    expect(await get('ar')).toMatchObject({
      tier: { name: 'برونزي' },
      waysToEarn: [{ title: 'خطوة الإعداد' }, { title: 'Finish onboarding' }],
    });
    expect((await get('en'))?.tier?.name).toBe('Bronze');
  });
});
