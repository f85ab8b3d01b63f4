import type { Random } from './seed-random.js';

export const SEED_USER_COUNT = 240;
/** Sign-ups fall in the last SEED_HISTORY_DAYS days, so the dashboard's default 30 days have a past. */
export const SEED_HISTORY_DAYS = 90;

/**
 * How a seeded user behaves, so every KPI has something to show: power users come back almost
 * daily, `fading` ones went quiet 1–4 weeks ago, `churned` ones over 30 days ago (churn), and
 * `dropoff` ones never came back after their first week (early drop-off).
 */
export type Engagement = 'power' | 'regular' | 'casual' | 'fading' | 'churned' | 'dropoff';

export type SeedTraits = {
  name: string;
  email: string;
  plan: 'free' | 'pro' | 'team';
  role: 'admin' | 'member';
  company: string;
  locale: string;
};

export type SeedUser = {
  id: string;
  anonymousId: string;
  traits: SeedTraits;
  engagement: Engagement;
  /** Whole days between sign-up and now; the sign-up session is in that day. */
  signupDaysAgo: number;
  /** Later days with a session, oldest first (days ago, each < signupDaysAgo). */
  activeDaysAgo: number[];
  /** A free user who upgraded to Pro on that active day (a new `identify` with the new plan). */
  upgradeDaysAgo?: number;
};

const FIRST_NAMES = [
  'Amara',
  'Bao',
  'Carmen',
  'Dmitri',
  'Elif',
  'Farah',
  'Gustav',
  'Hana',
  'Ivan',
  'Jonas',
  'Kiri',
  'Lena',
  'Mateo',
  'Nadia',
  'Omar',
  'Priya',
  'Quinn',
  'Rosa',
  'Sven',
  'Tariq',
  'Uma',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zara',
  'Ingrid',
  'Putri',
  'Aziz',
  'Siti',
  'Layla',
];
const LAST_NAMES = [
  'Okafor',
  'Nguyen',
  'Silva',
  'Petrov',
  'Yilmaz',
  'Haddad',
  'Berg',
  'Sato',
  'Novak',
  'Keller',
  'Rahman',
  'Costa',
  'Larsen',
  'Hakim',
  'Wijaya',
  'Moreau',
  'Lindqvist',
  'Tan',
  'Santos',
  'Fischer',
];
const COMPANIES = [
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Vandelay',
  'Soylent',
  'Wonka',
  'Tyrell',
  'Cyberdyne',
  'Aperture',
  'Nordlys',
  'Nusantara',
  'Sahara Labs',
  'Pied Piper',
  'Massive Dynamic',
];
/** Active-day probability after sign-up, per engagement. */
const DAILY_ACTIVITY: Record<Engagement, number> = { power: 0.7, regular: 0.35, casual: 0.09, fading: 0.3, churned: 0.3, dropoff: 0.45 };

export const seedUserId = (index: number) => `usr_seed_${String(index + 1).padStart(3, '0')}`;

function engagementOf(random: Random, signupDaysAgo: number): { engagement: Engagement; lastDaysAgo: number } {
  if (signupDaysAgo >= 45 && random.chance(0.22))
    return { engagement: 'churned', lastDaysAgo: random.int(31, Math.min(signupDaysAgo - 5, 80)) };
  const engagement = random.weighted<Engagement>({
    power: 15,
    regular: 33,
    casual: 20,
    fading: signupDaysAgo >= 20 ? 10 : 0,
    churned: 0,
    dropoff: 22,
  });
  if (engagement === 'fading') return { engagement, lastDaysAgo: random.int(8, Math.min(signupDaysAgo - 3, 26)) };
  // Drop-offs are seen only in their first 7 days.
  if (engagement === 'dropoff') return { engagement, lastDaysAgo: Math.max(0, signupDaysAgo - 6) };
  return { engagement, lastDaysAgo: 0 };
}

function traitsOf(random: Random): SeedTraits {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const company = random.pick(COMPANIES);
  const plan = random.weighted({ free: 55, pro: 30, team: 15 });
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}@${company.toLowerCase().replace(/\s/g, '')}.test`.toLowerCase(),
    plan,
    role: random.chance(plan === 'team' ? 0.5 : 0.25) ? 'admin' : 'member',
    company,
    locale: random.weighted({ en: 78, nb: 6, id: 6, ms: 5, ar: 5 }),
  };
}

/**
 * The seeded users, numbered in sign-up order. Sign-ups lean towards recent weeks (a growing
 * product): `u^1.25` puts slightly more of them near "now".
 */
export function buildSeedUsers(random: Random): SeedUser[] {
  const drafts = Array.from({ length: SEED_USER_COUNT }, () => {
    const signupDaysAgo = Math.floor((SEED_HISTORY_DAYS - 1) * random.next() ** 1.25);
    const traits = traitsOf(random);
    const { engagement, lastDaysAgo } = engagementOf(random, signupDaysAgo);
    const activeDaysAgo: number[] = [];
    for (let day = signupDaysAgo - 1; day >= lastDaysAgo; day--) if (random.chance(DAILY_ACTIVITY[engagement])) activeDaysAgo.push(day);
    // Quiet users still left a trace on their last day, so "went quiet N days ago" holds exactly.
    if (engagement !== 'dropoff' && lastDaysAgo > 0 && activeDaysAgo.at(-1) !== lastDaysAgo && lastDaysAgo < signupDaysAgo)
      activeDaysAgo.push(lastDaysAgo);
    const upgradeable = traits.plan === 'free' && (engagement === 'power' || engagement === 'regular') && activeDaysAgo.length > 4;
    const upgradeDaysAgo = upgradeable && random.chance(0.3) ? activeDaysAgo[Math.floor(activeDaysAgo.length / 2)] : undefined;
    return { traits, engagement, signupDaysAgo, activeDaysAgo, ...(upgradeDaysAgo === undefined ? {} : { upgradeDaysAgo }) };
  });
  // Stable sort: equal sign-up days keep their draw order.
  drafts.sort((a, b) => b.signupDaysAgo - a.signupDaysAgo);
  return drafts.map((draft, index) => ({
    id: seedUserId(index),
    anonymousId: `anon_seed_${String(index + 1).padStart(3, '0')}`,
    ...draft,
  }));
}
