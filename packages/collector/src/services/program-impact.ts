import type { ProgramImpactAnswer, ProjectConfig, SurveyPrompt } from '@hearth/schema';
import { DAY_MS } from '../domain/time.js';
import { groupMetrics, type GroupCounts } from '../kpi/group-metrics.js';
import type { RevenueGroup } from '../kpi/group-revenue.js';
import { percent } from '../kpi/median.js';
import { membersByTier, rewardsKpis } from '../kpi/rewards.js';
import type { GroupCountRow } from '../storage/kpi/retention-store.js';
import type { Store } from '../storage/store.js';
import { holdoutAssignment } from './kpi-segments.js';
import { programRevenue } from './program-revenue.js';
import { holdoutUnit } from '../domain/rewards/holdout.js';

export interface ProgramImpactInput {
  range: { from: Date; to: Date };
  inactivityDays: number;
  /** The NPS survey the NPS comparisons read; else the project's first NPS survey, if any. */
  surveyId?: string | undefined;
}

/** The redemption rate's window: the 30 days before the range's end. */
const REDEMPTION_WINDOW_MS = 30 * DAY_MS;

/**
 * The loyalty program's impact over [from, to) (docs/reference/kpi-definitions.md, "Loyalty
 * program impact"): program figures, members against non-members (overall and per tier), and
 * exposed against the randomized holdout when there is one. Every group's counts come from one
 * grouped statement per metric of the KPI store (the same rules as its segment filter), so no
 * list of users or answers travels to Node but the holdout's (its hash is not SQL); the
 * statistics from kpi/stats.
 */
export async function programImpact(store: Store, project: ProjectConfig, input: ProgramImpactInput): Promise<ProgramImpactAnswer> {
  const { range, inactivityDays } = input;
  const program = project.rewards;
  const to = range.to.getTime();
  const weeks = (to - range.from.getTime()) / (7 * DAY_MS);
  const survey = await npsSurvey(store, project.id, input.surveyId);
  // The reads the groups depend on, side by side (PostgreSQL overlaps them on its KPI pool).
  const [activity, assignment] = await Promise.all([
    store.rewards.activity(project.id, to - REDEMPTION_WINDOW_MS, to),
    program?.holdout ? holdoutAssignment(store, project) : null,
  ]);
  const rewards = rewardsKpis(activity, program?.tiers ?? [], { from: to - REDEMPTION_WINDOW_MS, to });
  const tiers = program?.tiers.length ? membersByTier(activity.lifetimes, program.tiers) : [];
  const tierIds = tiers.map(([, ids]) => ids);
  // Every group's retention, engagement and NPS in one statement per metric (storage/kpi/program-groups-sql.ts),
  // beside the groups' revenue (services/program-revenue.ts).
  const [counts, revenue] = await Promise.all([
    store.kpi.programGroupCounts(project.id, {
      ...range,
      inactivityMs: inactivityDays * DAY_MS,
      holdout: assignment?.held ?? null,
      holdoutUnit: holdoutUnit(program),
      tiers: tierIds,
      npsSurveyId: survey?.id ?? null,
    }),
    programRevenue(store, project, { period: { from: range.from.getTime(), to }, tiers: tierIds, assignment }),
  ]);
  const group = (row: GroupCountRow, money: RevenueGroup | null | undefined): GroupCounts => ({
    ...row,
    nps: row.nps ?? null,
    revenue: money ?? null,
  });
  const nonMember = group(counts.nonMember, revenue?.nonMember);
  const membersVsNonMembers = groupMetrics(group(counts.member, revenue?.member), nonMember, weeks, {
    exposed: 'members',
    control: 'non-members',
  });
  const byTier = tiers.map(([tierId, ids], index) => ({
    tierId,
    members: ids.length,
    metrics: groupMetrics(group(counts.tiers[index]!, revenue?.tiers[index]), nonMember, weeks, {
      exposed: `tier ${tierId ?? '(none)'}`,
      control: 'non-members',
    }),
  }));
  const holdout =
    program?.holdout && counts.exposed && counts.holdout
      ? {
          percent: program.holdout.percent,
          unit: holdoutUnit(program),
          exposedVsHoldout: groupMetrics(group(counts.exposed, revenue?.exposed), group(counts.holdout, revenue?.holdout), weeks, {
            exposed: 'the exposed users',
            control: 'the holdout',
          }),
        }
      : null;
  const pointValue = program?.pointValue ?? null;
  return {
    definition: 'docs/reference/kpi-definitions.md: Loyalty program impact',
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    inactivityDays,
    npsSurveyId: survey?.id ?? null,
    currency: project.revenue?.currency ?? null,
    program: {
      activeCustomers: counts.identified.engagement.activeUsers,
      activeMembers: counts.member.engagement.activeUsers,
      membershipRate: percent(counts.member.engagement.activeUsers, counts.identified.engagement.activeUsers),
      redemptionRate: rewards.redemptionRate,
      pointsIssued30d: rewards.pointsIssued,
      pointsRedeemed30d: rewards.pointsRedeemed,
      outstandingPoints: activity.outstanding,
      pointValue,
      pointsLiability: pointValue === null ? null : activity.outstanding * pointValue,
    },
    membersVsNonMembers,
    byTier,
    holdout,
  };
}

/** The given NPS survey, or the project's first NPS survey; null when there is none. */
async function npsSurvey(store: Store, projectId: string, surveyId: string | undefined): Promise<SurveyPrompt | null> {
  const prompts = (await store.prompts.list(projectId)).map((record) => record.prompt);
  const surveys = prompts.filter((p): p is SurveyPrompt => p.kind === 'survey' && p.content.type === 'nps');
  return (surveyId === undefined ? surveys[0] : surveys.find((s) => s.id === surveyId)) ?? null;
}
