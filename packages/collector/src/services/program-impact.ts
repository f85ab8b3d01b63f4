import type { ProgramImpactAnswer, ProjectConfig, SurveyPrompt } from '@hearth/schema';
import { DAY_MS } from '../domain/time.js';
import { groupMetrics, type GroupCounts } from '../kpi/group-metrics.js';
import { percent } from '../kpi/median.js';
import { npsScores } from '../kpi/nps.js';
import { membersByTier, rewardsKpis } from '../kpi/rewards.js';
import type { SurveyResponseRow } from '../kpi/survey-rows.js';
import type { GroupCountRow } from '../storage/kpi/retention-store.js';
import type { Store } from '../storage/store.js';
import { holdoutAmong, IDENTIFIED } from './kpi-segments.js';

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
 * grouped statement per metric of the KPI store (the same rules as its segment filter); the
 * statistics from kpi/stats.
 */
export async function programImpact(store: Store, project: ProjectConfig, input: ProgramImpactInput): Promise<ProgramImpactAnswer> {
  const { range, inactivityDays } = input;
  const program = project.rewards;
  const to = range.to.getTime();
  const weeks = (to - range.from.getTime()) / (7 * DAY_MS);
  const survey = await npsSurvey(store, project.id, input.surveyId);
  // The reads the groups depend on, side by side (PostgreSQL overlaps them on its KPI pool).
  const [responses, activity, identified, members] = await Promise.all([
    survey ? store.responses.list(project.id, survey.id, range) : null,
    store.rewards.activity(project.id, to - REDEMPTION_WINDOW_MS, to),
    program?.holdout || survey ? store.kpi.segmentUserIds(project.id, IDENTIFIED, range.to) : [],
    survey ? store.kpi.segmentUserIds(project.id, { kind: 'member' }, range.to) : [],
  ]);
  const rewards = rewardsKpis(activity, program?.tiers ?? [], { from: to - REDEMPTION_WINDOW_MS, to });
  const tiers = program?.tiers.length ? membersByTier(activity.lifetimes, program.tiers) : [];
  const holdoutIds = program?.holdout ? holdoutAmong(project, identified) : null;
  // Every group's retention and engagement in one statement per metric (storage/kpi/program-groups-sql.ts).
  const counts = await store.kpi.programGroupCounts(project.id, {
    ...range,
    inactivityMs: inactivityDays * DAY_MS,
    holdout: holdoutIds,
    tiers: tiers.map(([, ids]) => ids),
  });
  const nps = responses ? responderGroups(identified, members, responses) : null;
  const group = (row: GroupCountRow, inGroup: (userId: string) => boolean): GroupCounts => ({
    ...row,
    npsScores: nps ? nps.scores(inGroup) : null,
  });
  const isMember = (id: string) => nps?.members.has(id) ?? false;
  const nonMember = group(counts.nonMember, (id) => !isMember(id));
  const membersVsNonMembers = groupMetrics(group(counts.member, isMember), nonMember, weeks, {
    exposed: 'members',
    control: 'non-members',
  });
  const byTier = tiers.map(([tierId, ids], index) => {
    const inTier = new Set(ids);
    return {
      tierId,
      members: ids.length,
      metrics: groupMetrics(
        group(counts.tiers[index]!, (id) => inTier.has(id)),
        nonMember,
        weeks,
        {
          exposed: `tier ${tierId ?? '(none)'}`,
          control: 'non-members',
        },
      ),
    };
  });
  const held = new Set(holdoutIds);
  const holdout =
    program?.holdout && counts.exposed && counts.holdout
      ? {
          percent: program.holdout.percent,
          exposedVsHoldout: groupMetrics(
            group(counts.exposed, (id) => !held.has(id)),
            group(counts.holdout, (id) => held.has(id)),
            weeks,
            { exposed: 'the exposed users', control: 'the holdout' },
          ),
        }
      : null;
  const pointValue = program?.pointValue ?? null;
  return {
    definition: 'docs/reference/kpi-definitions.md: Loyalty program impact',
    range: { from: range.from.toISOString(), to: range.to.toISOString() },
    inactivityDays,
    npsSurveyId: survey?.id ?? null,
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

/**
 * The NPS scores of a group's responses: the respondents among the identified users at the
 * range's end (the groups hold identified users only), members as the `member` segment has them.
 */
function responderGroups(identified: readonly string[], memberIds: readonly string[], responses: readonly SurveyResponseRow[]) {
  const known = new Set(identified);
  return {
    members: new Set(memberIds),
    scores: (inGroup: (userId: string) => boolean) => npsScores(responses.filter((r) => known.has(r.userId) && inGroup(r.userId))),
  };
}

/** The given NPS survey, or the project's first NPS survey; null when there is none. */
async function npsSurvey(store: Store, projectId: string, surveyId: string | undefined): Promise<SurveyPrompt | null> {
  const prompts = (await store.prompts.list(projectId)).map((record) => record.prompt);
  const surveys = prompts.filter((p): p is SurveyPrompt => p.kind === 'survey' && p.content.type === 'nps');
  return (surveyId === undefined ? surveys[0] : surveys.find((s) => s.id === surveyId)) ?? null;
}
