import type { GroupMetrics, ProgramImpactAnswer, ProjectConfig, SurveyPrompt } from '@hearth/schema';
import { DAY_MS } from '../domain/time.js';
import { groupMetrics, type GroupCounts } from '../kpi/group-metrics.js';
import { percent } from '../kpi/median.js';
import { npsScores } from '../kpi/nps.js';
import { membersByTier, rewardsKpis } from '../kpi/rewards.js';
import type { KpiSegment } from '../kpi/segment.js';
import type { GroupNames } from '../kpi/stats/comparison.js';
import type { Store } from '../storage/store.js';
import { holdoutUserIds, IDENTIFIED } from './kpi-segments.js';

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
 * exposed against the randomized holdout when there is one. Each group's counts come from the
 * one segment filter of the KPI store; the statistics from kpi/stats.
 */
export async function programImpact(store: Store, project: ProjectConfig, input: ProgramImpactInput): Promise<ProgramImpactAnswer> {
  const { range, inactivityDays } = input;
  const program = project.rewards;
  const to = range.to.getTime();
  const weeks = (to - range.from.getTime()) / (7 * DAY_MS);
  const survey = await npsSurvey(store, project.id, input.surveyId);
  const responses = survey ? await store.responses.list(project.id, survey.id, range) : null;

  const countsOf = async (segment: KpiSegment): Promise<GroupCounts> => {
    const [retention, engagement, users] = await Promise.all([
      store.kpi.retentionCounts(project.id, { ...range, segment, inactivityMs: inactivityDays * DAY_MS }),
      store.kpi.engagementCounts(project.id, { ...range, segment }),
      responses ? store.kpi.segmentUserIds(project.id, segment, range.to) : null,
    ]);
    const members = users && new Set(users);
    return { retention, engagement, npsScores: responses && members ? npsScores(responses.filter((r) => members.has(r.userId))) : null };
  };
  const compare = async (a: KpiSegment, b: KpiSegment, names: GroupNames): Promise<GroupMetrics> =>
    groupMetrics(await countsOf(a), await countsOf(b), weeks, names);

  const activity = await store.rewards.activity(project.id, to - REDEMPTION_WINDOW_MS, to);
  const rewards = rewardsKpis(activity, program?.tiers ?? [], { from: to - REDEMPTION_WINDOW_MS, to });
  const [customers, members] = await Promise.all([
    store.kpi.engagementCounts(project.id, { ...range, segment: IDENTIFIED }),
    store.kpi.engagementCounts(project.id, { ...range, segment: { kind: 'member' } }),
  ]);
  const nonMembers: KpiSegment = { kind: 'non-member' };
  const membersVsNonMembers = await compare({ kind: 'member' }, nonMembers, { exposed: 'members', control: 'non-members' });
  const byTier = [];
  for (const [tierId, ids] of program?.tiers.length ? membersByTier(activity.lifetimes, program.tiers) : [])
    byTier.push({
      tierId,
      members: ids.length,
      metrics: await compare({ kind: 'users', ids, negate: false }, nonMembers, {
        exposed: `tier ${tierId ?? '(none)'}`,
        control: 'non-members',
      }),
    });
  const holdout = program?.holdout
    ? await holdoutUserIds(store, project, range.to).then(async (ids) => ({
        percent: program.holdout!.percent,
        exposedVsHoldout: await compare(
          { kind: 'users', ids, negate: true },
          { kind: 'users', ids, negate: false },
          {
            exposed: 'the exposed users',
            control: 'the holdout',
          },
        ),
      }))
    : null;
  const pointValue = program?.pointValue ?? null;
  return {
    definition: 'docs/reference/kpi-definitions.md: Loyalty program impact',
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    inactivityDays,
    npsSurveyId: survey?.id ?? null,
    program: {
      activeCustomers: customers.activeUsers,
      activeMembers: members.activeUsers,
      membershipRate: percent(members.activeUsers, customers.activeUsers),
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
