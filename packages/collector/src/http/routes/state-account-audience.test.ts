import { mintGroupToken } from '@hearth/node';
import { describe, expect, it } from 'vitest';
import { bothStores } from '../../test-support/both-stores.js';
import { NOW, SECRET } from '../../test-support/http.js';
import { admin, checklistInput, promptApp, stateIds as stateOf, track } from '../../test-support/prompts.js';

const HOUR = 3_600_000;
type App = Parameters<typeof stateOf>[0];
const stateIds = (app: App, userId: string) => stateOf(app, { userId, anonymousId: `anon-${userId}` });
const ago = (ms: number) => ({ timestamp: new Date(NOW - ms).toISOString() });

/** Accounts on trial with fewer than 3 members active in the last day. */
const trialNudge = checklistInput('trial-nudge', {
  audience: {
    type: 'all',
    rules: [
      { type: 'accountTrait', trait: 'plan', op: 'equals', value: 'trial' },
      { type: 'accountActiveMembers', op: 'lt', count: 3, withinDays: 1 },
    ],
  },
});
/** Numbers compare as numbers: `seats ≥ 10` holds for 12, and `"12"` (text) equals no number. */
const bigAccounts = checklistInput('big-accounts', { audience: { type: 'accountTrait', trait: 'seats', op: 'gte', value: 10 } });
const seatsAsText = checklistInput('seats-as-text', { audience: { type: 'accountTrait', trait: 'seats', op: 'equals', value: '12' } });

describe.each(bothStores('hearth_account_audience'))('audiences on account traits and behaviour ($name)', ({ open }) => {
  it('read the active account’s host-set traits and its active members, typed', async () => {
    const { app } = await promptApp([trialNudge, bigAccounts, seatsAsText], {}, await open());
    const server = (path: string, body: unknown) => admin(app, 'PUT', path, { body });
    expect((await server('/v1/server/accounts/acme', { traits: { plan: 'trial', seats: 5 } })).status).toBe(200);
    expect((await server('/v1/server/accounts/globex', { traits: { plan: 'pro', seats: 12 } })).status).toBe(200);
    for (const [account, user] of [
      ['acme', 'ada'],
      ['acme', 'bob'],
      ['globex', 'gus'],
    ]) {
      expect((await server(`/v1/server/accounts/${account}/members/${user}`, {})).status).toBe(200);
    }
    // acme: ada and bob active in the last day (2 < 3); zed belongs to no account.
    await track(app, 'ada', 'Page Viewed', ago(2 * HOUR));
    await track(app, 'bob', 'Page Viewed', ago(5 * HOUR));
    await track(app, 'gus', 'Page Viewed', ago(HOUR));
    await track(app, 'zed', 'Page Viewed', ago(HOUR));

    expect(await stateIds(app, 'ada')).toEqual(['trial-nudge']);
    expect(await stateIds(app, 'gus')).toEqual(['big-accounts']);
    expect(await stateIds(app, 'zed')).toEqual([]);

    // A page cannot put itself on trial: a group call without a valid token joins nothing, and
    // the traits it names are never the account's.
    await track(app, 'zed', 'group', {
      type: 'group',
      name: undefined,
      properties: undefined,
      accountId: 'acme',
      traits: { plan: 'trial' },
    });
    expect(await stateIds(app, 'zed')).toEqual([]);

    // A signed group call joins cy to acme; with cy active, acme has 3 active members: no nudge.
    const groupToken = await mintGroupToken('cy', 'acme', { secretKey: SECRET, now: new Date(NOW), ttlSeconds: 3600 });
    await track(app, 'cy', 'group', { type: 'group', name: undefined, properties: undefined, accountId: 'acme', groupToken, ...ago(HOUR) });
    expect(await stateIds(app, 'cy')).toEqual([]);
    expect(await stateIds(app, 'ada')).toEqual([]);
  });
});
