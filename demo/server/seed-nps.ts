import type { Random } from './seed-random.js';
import type { Engagement } from './seed-users.js';

/** Score weights by engagement: keen users recommend, those drifting away mostly do not. */
const SCORE_WEIGHTS: Record<Engagement, Record<string, number>> = {
  power: { 10: 32, 9: 30, 8: 16, 7: 8, 6: 6, 5: 4, 3: 4 },
  regular: { 10: 18, 9: 22, 8: 20, 7: 14, 6: 10, 5: 8, 4: 4, 2: 4 },
  casual: { 10: 8, 9: 12, 8: 18, 7: 18, 6: 16, 5: 12, 3: 10, 1: 6 },
  fading: { 9: 8, 8: 14, 7: 18, 6: 20, 5: 16, 4: 10, 2: 8, 0: 6 },
  churned: { 9: 6, 8: 10, 7: 16, 6: 20, 5: 18, 3: 16, 1: 8, 0: 6 },
  dropoff: { 9: 10, 8: 14, 7: 18, 6: 18, 5: 16, 3: 14, 0: 10 },
};

const COMMENTS = {
  detractor: [
    'Exports of big projects time out.',
    'Too hard to invite people from another domain.',
    'I miss a timeline view.',
    'The mobile layout is cramped.',
  ],
  passive: [
    'Solid, but reports could be more flexible.',
    'Good for small teams.',
    'Would love recurring tasks.',
    'Fine once you find your way around.',
  ],
  promoter: [
    'Our team plans everything here now.',
    'The kanban template saved us hours.',
    'Reports make my weekly update easy.',
    'Simple and fast.',
  ],
};

/**
 * One NPS answer. Answers improve over the 90 days (a product getting better), so the weekly NPS
 * trend rises: a recent answer is more likely to be nudged up a point.
 */
export function npsAnswer(random: Random, engagement: Engagement, daysAgo: number): { score: number; comment: string | null } {
  let score = Number(random.weighted(SCORE_WEIGHTS[engagement]));
  if (random.chance(Math.max(0, 90 - daysAgo) / 150)) score = Math.min(10, score + 1);
  const group = score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor';
  return { score, comment: random.chance(0.4) ? random.pick(COMMENTS[group]) : null };
}
