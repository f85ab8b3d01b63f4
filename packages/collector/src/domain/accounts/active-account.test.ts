import { describe, expect, it } from 'vitest';
import { newEvent } from '../../test-support/events.js';
import { resolveAccounts, type Membership } from './active-account.js';

const at = (timestamp: number, userId: string | null = 'ada') => newEvent({ projectId: 'p', userId, timestamp });
const member = (accountId: string, activeAt: number, userId = 'ada'): Membership => ({ userId, accountId, activeAt });

describe('resolveAccounts', () => {
  it('gives each event the account made active most recently at its time', () => {
    const events = [at(5), at(15), at(25), at(30)];
    const resolved = resolveAccounts(events, [member('acme', 10), member('globex', 20), member('initech', 30)], new Map());
    expect(resolved.map((e) => e.accountId)).toEqual([null, 'acme', 'globex', 'initech']);
  });

  it('keeps a trusted claim, gives anonymous events and users in no account none, and breaks ties by id', () => {
    const claimed = at(1);
    const events = [claimed, at(50, null), at(50, 'solo'), at(50)];
    const resolved = resolveAccounts(events, [member('beta', 10), member('alpha', 10)], new Map([[claimed, 'gamma']]));
    expect(resolved.map((e) => e.accountId)).toEqual(['gamma', null, null, 'alpha']);
  });
});
