import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../domain/time.js';
import { announcementKpis, type AnnouncementKpiUser } from './announcement.js';

const P = Date.parse('2026-03-01T00:00:00Z');
const TO = P + 60 * DAY_MS;
const day = (n: number) => P + n * DAY_MS;
const user = (userId: string, u: Partial<AnnouncementKpiUser>): AnnouncementKpiUser => ({
  userId,
  inAudience: true,
  shownAt: null,
  readAt: null,
  ctaAt: null,
  reaction: null,
  feedback: false,
  featureFirstAt: null,
  ...u,
});
const query = { publishedAt: P, to: TO, adoptionDays: 14, hasFeatureEvent: true };

describe('announcementKpis', () => {
  it('matches the hand-computed fixture', () => {
    const users = [
      // Exposed (reach 5): a reads + clicks + adopts on day 3 after exposure on day 1.
      user('a', { shownAt: day(1), readAt: day(1), ctaAt: day(2), reaction: 'up', feedback: true, featureFirstAt: day(4) }),
      // b reads, adopts 20 days after exposure: outside the 14-day window.
      user('b', { readAt: day(2), featureFirstAt: day(22) }),
      // c saw the boost only, never adopts, reacts down.
      user('c', { shownAt: day(5), reaction: 'down' }),
      // d was already using X before exposure: reported, not counted.
      user('d', { shownAt: day(3), readAt: day(3), featureFirstAt: day(-10) }),
      // e clicked the CTA (counts as shown) and adopted the same day.
      user('e', { ctaAt: day(6), featureFirstAt: day(6) }),
      // Controls (same audience, never exposed): f adopts day 10 (in window), g day 30 (out), h never,
      // i was already using; j is outside the audience; k's exposure is after `to`.
      user('f', { featureFirstAt: day(10) }),
      user('g', { featureFirstAt: day(30) }),
      user('h', {}),
      user('i', { featureFirstAt: day(-1) }),
      user('j', { inAudience: false, featureFirstAt: day(1) }),
      user('k', { shownAt: TO + 1, featureFirstAt: day(2) }),
    ];
    const kpis = announcementKpis(users, query);
    expect(kpis).toEqual({
      reach: 5,
      read: 3,
      readRate: 60,
      ctaClicks: 2,
      ctaClickRate: 40,
      reactions: { up: 1, down: 1, feedback: 1 },
      adoption: {
        days: 14,
        // a, b, c, e count (d already using): a and e adopted → 2 of 4.
        exposed: { users: 4, adopted: 2, rate: 50, alreadyUsing: 1 },
        // f, g, h, k count (i already using; k's exposure is past `to`, so k is a control that adopted on day 2): f, k → 2 of 4.
        control: { users: 4, adopted: 2, rate: 50, alreadyUsing: 1 },
        lift: 0,
        // Wilson for 2/4: (0.150039, 0.849961); Newcombe: 0 ± √(2 × 0.349961²) = ±0.494920.
        comparison: {
          exposed: { n: 4, value: 50 },
          control: { n: 4, value: 50 },
          difference: 0,
          low: expect.closeTo(-49.492, 3),
          high: expect.closeTo(49.492, 3),
          verdict: 'too-small',
          warning:
            'Too few to tell: each group needs at least 30 subjects and the exposed users and the unexposed audience have fewer (the exposed users: 4, the unexposed audience: 4). Treat this difference as a hint, not a result.',
        },
      },
    });
  });

  it('answers null rates for nobody reached and no adoption block without a feature event', () => {
    const kpis = announcementKpis([], { ...query, hasFeatureEvent: false });
    expect(kpis).toEqual({
      reach: 0,
      read: 0,
      readRate: null,
      ctaClicks: 0,
      ctaClickRate: null,
      reactions: { up: 0, down: 0, feedback: 0 },
      adoption: null,
    });
    const noControls = announcementKpis([user('a', { readAt: day(1), featureFirstAt: day(2) })], query);
    expect(noControls.adoption).toEqual({
      days: 14,
      exposed: { users: 1, adopted: 1, rate: 100, alreadyUsing: 0 },
      control: { users: 0, adopted: 0, rate: null, alreadyUsing: 0 },
      lift: null,
      comparison: expect.objectContaining({ difference: null, low: null, high: null, verdict: 'too-small' }),
    });
  });

  it('shows lift when exposed users adopt more than the control group', () => {
    const users = [
      user('a', { readAt: day(1), featureFirstAt: day(2) }),
      user('b', { readAt: day(1) }),
      user('c', { featureFirstAt: day(3) }),
      user('d', {}),
      user('e', {}),
      user('f', {}),
    ];
    const adoption = announcementKpis(users, query).adoption!;
    expect(adoption.exposed.rate).toBe(50);
    expect(adoption.control.rate).toBe(25);
    expect(adoption.lift).toBe(25);
  });
});
