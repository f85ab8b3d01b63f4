import type { ProgramImpactAnswer, ProjectConfig, SurveyPrompt } from '@hearth/schema';
import { DAY_MS } from '../domain/time.js';
import { groupMetrics, type GroupCounts } from '../kpi/group-metrics.js';
import { revenueGroupOf } from '../kpi/group-revenue.js';
import { percent } from '../kpi/median.js';
import { membersByTier, rewardsKpis, tiersAscending } from '../kpi/rewards.js';
import type { GroupCountRow } from '../storage/kpi/retention-store.js';
import type { Store } from '../storage/store.js';
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
 * exposed against the randomized holdout when there is one (users, or accounts when the holdout
 * draws accounts: the unit of analysis is the unit of randomization). Every group's counts and
 * revenue sums come from one grouped statement per metric of the KPI store (the same rules as its
 * segment filter), so no list of users, customers or answers travels to Node either way; the
 * statistics come from kpi/stats.
 */
export async function programImpact(store: Store, project: ProjectConfig, input: ProgramImpactInput): Promise<ProgramImpactAnswer> {
  const { range, inactivityDays } = input;
  const program = project.rewards;
  const to = range.to.getTime();
  const weeks = (to - range.from.getTime()) / (7 * DAY_MS);
  const byAccount = holdoutUnit(program) === 'account';
  const survey = npsSurvey(store, project.id, input.surveyId);
  // Every group's retention, engagement, NPS and revenue sums in one statement per metric
  // (storage/kpi/program-groups-sql.ts), the holdout and tiers drawn in SQL; under the account
  // unit exposed and held-out accounts too. It needs only the survey, so the ledger's read overlaps it.
  const [counts, activity] = await Promise.all([
    survey.then((nps) =>
      store.kpi.programGroupCounts(project.id, {
        ...range,
        inactivityMs: inactivityDays * DAY_MS,
        holdout: program?.holdout ? { percent: program.holdout.percent, unit: holdoutUnit(program) } : null,
        tierMinPoints: tiersAscending(program?.tiers ?? []).map((tier) => tier.minPoints),
        npsSurveyId: nps?.id ?? null,
        revenue: project.revenue !== undefined,
      }),
    ),
    store.rewards.activity(project.id, to - REDEMPTION_WINDOW_MS, to),
  ]);
  const rewards = rewardsKpis(activity, program?.tiers ?? [], { from: to - REDEMPTION_WINDOW_MS, to });
  // Members per tier from the ledger read, in the order of the statement's tier groups.
  const tiers = program?.tiers.length ? membersByTier(activity.lifetimes, program.tiers) : [];
  const period = { from: range.from.getTime(), to };
  const group = (row: GroupCountRow): GroupCounts => ({
    ...row,
    nps: row.nps ?? null,
    revenue: row.revenue && project.revenue ? revenueGroupOf(row.revenue, project.revenue.grossMarginPercent, period) : null,
  });
  const nonMember = group(counts.nonMember);
  const membersVsNonMembers = groupMetrics(group(counts.member), nonMember, weeks, {
    exposed: 'members',
    control: 'non-members',
  });
  const byTier = tiers.map(([tierId, ids], index) => ({
    tierId,
    members: ids.length,
    metrics: groupMetrics(group(counts.tiers[index]!), nonMember, weeks, {
      exposed: `tier ${tierId ?? '(none)'}`,
      control: 'non-members',
    }),
  }));
  const holdout =
    program?.holdout && counts.exposed && counts.holdout
      ? {
          percent: program.holdout.percent,
          unit: holdoutUnit(program),
          exposedVsHoldout: groupMetrics(group(counts.exposed), group(counts.holdout), weeks, {
            exposed: byAccount ? 'the exposed accounts' : 'the exposed users',
            control: 'the holdout',
          }),
        }
      : null;
  const pointValue = program?.pointValue ?? null;
  return {
    definition: 'docs/reference/kpi-definitions.md: Loyalty program impact',
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    inactivityDays,
    npsSurveyId: (await survey)?.id ?? null,
    currency: project.revenue?.currency ?? null,
    program: {
      activeCustomers: counts.identified.engagement.active,
      activeMembers: counts.member.engagement.active,
      membershipRate: percent(counts.member.engagement.active, counts.identified.engagement.active),
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
