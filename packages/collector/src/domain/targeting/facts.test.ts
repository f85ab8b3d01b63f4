import { describe, expect, it } from 'vitest';
import { NOW, daysAgo, event } from '../test-helpers.js';
import { answerFactQueries, countKey, createUserFacts, matchKey } from './facts.js';

describe('matchKey', () => {
  it('treats property filters with reordered keys as one query', () => {
    expect(matchKey({ event: 'e', where: { a: 1, b: 2 } })).toBe(matchKey({ event: 'e', where: { b: 2, a: 1 } }));
    expect(matchKey({ event: 'e', where: { a: 1 } })).not.toBe(matchKey({ event: 'e', where: { a: '1' } }));
  });
});

describe('answerFactQueries / createUserFacts', () => {
  const profile = { userId: 'u', traits: {}, locale: null, firstSeen: null, lastSeen: null };

  it('counts from the window start inclusive and finds the first matching event', () => {
    const events = [
      event('login', daysAgo(7)),
      event('login', daysAgo(8)),
      event('invite', daysAgo(5), { role: 'admin' }),
      event('invite', daysAgo(2), { role: 'admin' }),
    ];
    const answers = answerFactQueries(
      {
        counts: [
          { event: 'login', withinDays: 7 },
          { event: 'login', withinDays: null },
        ],
        matches: [
          { event: 'invite', where: { role: 'admin' } },
          { event: 'invite', where: { role: 'member' } },
        ],
      },
      events,
      NOW,
    );
    const f = createUserFacts(profile, answers);
    expect(f.countEvents('login', 7)).toBe(1);
    expect(f.countEvents('login', null)).toBe(2);
    expect(f.firstEventAt('invite', { role: 'admin' })).toEqual(daysAgo(5));
    expect(f.firstEventAt('invite', { role: 'member' })).toBeNull();
    expect(answers.counts.get(countKey({ event: 'login', withinDays: 7 }))).toBe(1);
  });

  it('throws when asked something that was not precomputed (a missing store query is a bug)', () => {
    const f = createUserFacts(profile, { counts: new Map(), firstEvents: new Map() });
    expect(() => f.countEvents('login', 7)).toThrow('event count for "login" (7 days) was not precomputed');
    expect(() => f.firstEventAt('invite', null)).toThrow('first "invite" event null was not precomputed');
  });
});
