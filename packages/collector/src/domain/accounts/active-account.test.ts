import { describe, expect, it } from 'vitest';
import { activeAccountAt, type Membership } from './active-account.js';

const member = (accountId: string, activeAt: number, userId = 'ada'): Membership => ({ userId, accountId, activeAt });

describe('activeAccountAt', () => {
  it('gives each time the account made active most recently by then', () => {
    const memberships = [member('acme', 10), member('globex', 20), member('initech', 30)];
    expect([5, 15, 25, 30].map((at) => activeAccountAt(memberships, at))).toEqual([null, 'acme', 'globex', 'initech']);
  });

  it('gives a user in no account none, and breaks ties by id', () => {
    expect(activeAccountAt([], 50)).toBeNull();
    expect(activeAccountAt([member('beta', 10), member('alpha', 10)], 50)).toBe('alpha');
  });
});
