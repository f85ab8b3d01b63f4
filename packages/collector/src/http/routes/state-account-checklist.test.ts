import type { PromptInput } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { bothStores } from '../../test-support/both-stores.js';
import { NOW } from '../../test-support/http.js';
import { admin, checklistInput, getState, promptApp, track } from '../../test-support/prompts.js';

type Checklist = Extract<PromptInput, { kind: 'checklist' }>;
const DAY = 86_400_000;

/** The team's setup, shared by the account: a teammate invited once, and the account on the pro plan. */
const base = checklistInput('team-setup', { events: ['Teammate Invited'] });
const teamSetup: Checklist = {
  ...base,
  content: {
    ...base.content,
    scope: 'account',
    items: [
      ...base.content.items,
      { id: 'pick-plan', title: 'Pick a plan', completeWhen: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' } },
    ],
  },
};
/** The same first item, the user's own. */
const mySetup = checklistInput('my-setup', { events: ['Teammate Invited'] });

type State = { prompts: { id: string; items: { id: string; done: boolean }[]; progress: { done: number } }[] };
async function done(app: Parameters<typeof getState>[0], userId: string) {
  const res = await getState(app, { userId, anonymousId: `anon-${userId}` });
  expect(res.status).toBe(200);
  const { prompts } = (await res.json()) as State;
  return Object.fromEntries(prompts.map((p) => [p.id, p.items.filter((i) => i.done).map((i) => i.id)]));
}

describe.each(bothStores('hearth_account_checklist'))('a checklist shared by the account ($name)', ({ open }) => {
  it('is done once for every member of the account, and stays each user’s own elsewhere', async () => {
    const { app } = await promptApp([teamSetup, mySetup], {}, await open());
    const put = (path: string, body: unknown) => admin(app, 'PUT', path, { body });
    expect((await put('/v1/server/accounts/acme', { traits: { plan: 'pro' } })).status).toBe(200);
    const joinedAt = new Date(NOW - DAY).toISOString();
    for (const [account, user] of [
      ['acme', 'ada'],
      ['acme', 'bob'],
      ['globex', 'gus'],
    ]) {
      expect((await put(`/v1/server/accounts/${account}/members/${user}`, { joinedAt })).status).toBe(200);
    }
    // Ada invites a teammate while working in acme: the event carries acme.
    await track(app, 'ada', 'Teammate Invited');
    await track(app, 'bob', 'Page Viewed');
    await track(app, 'gus', 'Page Viewed');

    // Bob did nothing himself: the team's checklist shows Ada's invitation and acme's plan.
    expect(await done(app, 'bob')).toEqual({ 'team-setup': ['step-1', 'pick-plan'], 'my-setup': [] });
    expect(await done(app, 'ada')).toEqual({ 'team-setup': ['step-1', 'pick-plan'], 'my-setup': ['step-1'] });
    // Another account shares nothing of acme's.
    expect(await done(app, 'gus')).toEqual({ 'team-setup': [], 'my-setup': [] });
    // A user in no account keeps their own progress.
    await track(app, 'zed', 'Teammate Invited');
    expect(await done(app, 'zed')).toEqual({ 'team-setup': ['step-1'], 'my-setup': ['step-1'] });
  });
});
