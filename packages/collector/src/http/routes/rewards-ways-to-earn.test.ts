import type { RewardsConfigInput } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { bothStores } from '../../test-support/both-stores.js';
import { ORIGIN, PUBLIC_KEY, pageToken } from '../../test-support/http.js';
import { checklistInput, getState, identify, promptApp, roleIs } from '../../test-support/prompts.js';

const PROGRAM: RewardsConfigInput = {
  rules: [
    { id: 'admin-step', title: 'Complete a setup step', on: { type: 'checklistItem', checklistId: 'admin-onboarding' }, points: 50 },
    {
      id: 'member-step',
      title: 'Complete a getting-started step',
      on: { type: 'checklistItem', checklistId: 'member-onboarding' },
      points: 50,
    },
    { id: 'onboarded', title: 'Finish your checklist', on: { type: 'checklistComplete' }, points: 100 },
    { id: 'export', title: 'Export a report', on: { type: 'event', event: 'Report Exported' }, points: 10 },
  ],
};
const prompts = [
  checklistInput('admin-onboarding', { audience: roleIs('admin') }),
  checklistInput('member-onboarding', { audience: roleIs('member') }),
];

describe.each(bothStores('hearth_ways_to_earn'))('"ways to earn" lists only what the user can earn ($name)', (kind) => {
  it('leaves out the rules of checklists whose audience excludes the user, in /v1/state and /v1/rewards alike', async () => {
    const { app } = await promptApp(prompts, { rewards: PROGRAM }, await kind.open());
    await identify(app, 'max', { role: 'member' });
    await identify(app, 'ada', { role: 'admin' });
    const ways = async (userId: string) => {
      const token = await pageToken(userId);
      const state = (await (await getState(app, { anonymousId: `anon-${userId}`, userId, userToken: token })).json()) as {
        rewards: { waysToEarn: { id: string }[] };
      };
      const rewards = await app.request(`/v1/rewards?key=${PUBLIC_KEY}&userId=${userId}&userToken=${token}`, {
        headers: { Origin: ORIGIN },
      });
      expect(rewards.status).toBe(200);
      const direct = ((await rewards.json()) as { waysToEarn: { id: string }[] }).waysToEarn.map((way) => way.id);
      expect(state.rewards.waysToEarn.map((way) => way.id)).toEqual(direct);
      return direct;
    };
    expect(await ways('max')).toEqual(['member-step', 'onboarded', 'export']);
    expect(await ways('ada')).toEqual(['admin-step', 'onboarded', 'export']);
    // A user no checklist reaches can only earn by events.
    await identify(app, 'guest', { role: 'viewer' });
    expect(await ways('guest')).toEqual(['export']);
  });
});
