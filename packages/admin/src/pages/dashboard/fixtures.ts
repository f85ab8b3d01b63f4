import type { AnnouncementKpisAnswer, Comparison } from '@hearth/schema';
import type { ActiveUsersKpis, ChurnKpis, CohortKpis, DropOffKpis, FullSurveyKpis, RewardsKpis } from '../../api/kpi-dashboard.js';

/**
 * KPI answers shaped exactly as the collector sends them (docs/kpis.md, docs/surveys.md,
 * docs/rewards.md examples), with rates left unrounded as the API leaves them.
 */
const period = (start: string, end: string, complete = true) => ({
  start: `${start}T00:00:00.000Z`,
  end: `${end}T00:00:00.000Z`,
  complete,
});

export const surveyAnswer: FullSurveyKpis = {
  surveyId: 'nps-q1',
  type: 'nps',
  range: { from: '2026-03-02T00:00:00.000Z', to: '2026-03-16T00:00:00.000Z' },
  nps: {
    count: 7,
    promoters: 6,
    passives: 0,
    detractors: 1,
    promotersPct: 85.71428571428571,
    passivesPct: 0,
    detractorsPct: 14.285714285714286,
    score: 71.42857142857143,
  },
  trend: {
    interval: 'week',
    points: [
      {
        ...period('2026-03-02', '2026-03-09'),
        count: 3,
        promoters: 2,
        passives: 0,
        detractors: 1,
        promotersPct: 66.67,
        passivesPct: 0,
        detractorsPct: 33.33,
        score: 33.33,
      },
      {
        ...period('2026-03-09', '2026-03-16'),
        count: 0,
        promoters: 0,
        passives: 0,
        detractors: 0,
        promotersPct: null,
        passivesPct: null,
        detractorsPct: null,
        score: null,
      },
    ],
  },
  distribution: [
    { score: 3, count: 1 },
    { score: 9, count: 2 },
    { score: 10, count: 4 },
  ],
  responseRate: { displays: 10, responses: 7, rate: 70 },
  cli: null,
  csat: null,
};

export const activeUsersAnswer: ActiveUsersKpis = {
  daily: [
    { ...period('2026-03-02', '2026-03-03'), activeUsers: 1 },
    { ...period('2026-03-03', '2026-03-04'), activeUsers: 0 },
  ],
  weekly: [
    { ...period('2026-03-02', '2026-03-09'), activeUsers: 7 },
    { ...period('2026-03-09', '2026-03-12', false), activeUsers: 5 },
  ],
  monthly: [{ ...period('2026-03-02', '2026-03-12', false), activeUsers: 9 }],
};

export const churnAnswer: ChurnKpis = {
  inactivityDays: 10,
  customersAtStart: 3,
  retained: 1,
  lost: 2,
  churnRate: 66.66666666666667,
  retentionRate: 33.333333333333336,
};

export const dropOffAnswer: DropOffKpis = {
  firstDays: 7,
  newUsers: 5,
  pending: 1,
  eligible: 4,
  returned: 2,
  droppedOff: 2,
  dropOffRate: 50,
};

export const cohortAnswer: CohortKpis = {
  period: 'week',
  cohorts: [
    { ...period('2026-03-02', '2026-03-09'), size: 4, active: [4, 3, 1], retention: [100, 75, 25] },
    { ...period('2026-03-09', '2026-03-16'), size: 3, active: [3, 1], retention: [100, 33.333333333333336] },
    { ...period('2026-03-16', '2026-03-20', false), size: 0, active: [0], retention: [null] },
  ],
};

export const announcementAnswer: AnnouncementKpisAnswer = {
  announcementId: 'dark-mode',
  to: '2026-03-16T00:00:00.000Z',
  segment: null,
  reach: 8,
  read: 6,
  readRate: 75,
  ctaClicks: 3,
  ctaClickRate: 37.5,
  reactions: { up: 2, down: 1, feedback: 1 },
  adoption: {
    days: 14,
    exposed: { users: 6, adopted: 3, rate: 50, alreadyUsing: 2 },
    control: { users: 4, adopted: 1, rate: 25, alreadyUsing: 0 },
    lift: 25,
    comparison: {
      exposed: { n: 6, value: 50 },
      control: { n: 4, value: 25 },
      difference: 25,
      low: -29.727171095652306,
      high: 62.33204252633689,
      verdict: 'too-small',
      warning:
        'Too few to tell: each group needs at least 30 subjects and the exposed users and the unexposed audience have fewer (the exposed users: 6, the unexposed audience: 4). Treat this difference as a hint, not a result.',
    },
  },
};

export const rewardsAnswer: RewardsKpis = {
  from: '2026-03-02T00:00:00.000Z',
  to: '2026-03-16T00:00:00.000Z',
  pointsIssued: 450,
  pointsRedeemed: 200,
  pointsExpired: 0,
  redemptionRate: 44.44444444444444,
  activeMembers: 5,
  tierDistribution: [
    { tierId: null, members: 2 },
    { tierId: 'silver', members: 2 },
    { tierId: 'gold', members: 1 },
  ],
  topRules: [{ ruleId: 'first-project', points: 300, awards: 3 }],
  referrals: { attached: 1, converted: 0 },
};

/**
 * A two-group comparison as the collector answers it: `[n, value]` per group and
 * `[difference, low, high]` (null: no interval). With a warning (by default when there is no
 * interval) the verdict is too-small; else it follows the interval.
 */
export const comparison = (
  exposed: [number, number | null],
  control: [number, number | null],
  interval: [number, number, number] | null,
  warning: string | null = interval ? null : 'Too few to tell: the holdout has fewer than 30 subjects.',
): Comparison => ({
  exposed: { n: exposed[0], value: exposed[1] },
  control: { n: control[0], value: control[1] },
  difference: interval?.[0] ?? null,
  low: interval?.[1] ?? null,
  high: interval?.[2] ?? null,
  verdict: warning !== null || !interval ? 'too-small' : interval[1] > 0 ? 'higher' : interval[2] < 0 ? 'lower' : 'no-difference',
  warning,
});
