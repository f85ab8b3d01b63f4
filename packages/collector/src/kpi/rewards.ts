import type { RewardsKpis, Tier } from '@hearth/schema';
import type { RewardsActivity, StoredEntry } from '../domain/rewards/ledger.js';

/**
 * Rewards KPIs (docs/reference/kpi-definitions.md, "Rewards"), from one period's ledger activity:
 * - points issued: positive entries written in the period, refunds excluded (they return points, not issue them);
 * - points redeemed: redemption debits in the period minus refunds of failed fulfilments in the period;
 * - redemption rate: redeemed ÷ issued × 100, null when nothing was issued;
 * - active members: users with at least one ledger entry in the period;
 * - tier distribution: every member (anyone with a ledger) by the tier their lifetime points reach now;
 * - top earning rules: points issued per rule in the period, highest first (ties by id);
 * - referral conversions: referrals attached in the period, and those converted in the period.
 */

const isRefund = (entry: StoredEntry) => entry.id.startsWith('refund:');
const isDebit = (entry: StoredEntry) => entry.id.startsWith('redeem:');
const isExpiry = (entry: StoredEntry) => entry.id.startsWith('expire:');
const sum = (entries: readonly StoredEntry[]) => entries.reduce((total, entry) => total + entry.amount, 0);
/** Points issued by `entries`: the positive ones, refunds excluded (they return points, not issue them). */
export const pointsIssued = (entries: readonly StoredEntry[]) => sum(entries.filter((e) => e.amount > 0 && !isRefund(e)));
/** `0 - x`, not `-x`: an empty sum must give 0, not -0. */
const negated = (n: number) => 0 - n;

export function rewardsKpis(
  activity: RewardsActivity,
  tiers: readonly Tier[],
  period: { from: number; to: number },
  topN = 5,
): RewardsKpis {
  const { entries } = activity;
  const issued = pointsIssued(entries);
  const pointsRedeemed = negated(sum(entries.filter(isDebit)) + sum(entries.filter(isRefund)));
  const byRule = new Map<string, { points: number; awards: number }>();
  for (const entry of entries) {
    if (entry.ruleId === null || entry.amount <= 0) continue;
    const total = byRule.get(entry.ruleId) ?? { points: 0, awards: 0 };
    byRule.set(entry.ruleId, { points: total.points + entry.amount, awards: total.awards + 1 });
  }
  const inPeriod = (iso: string | null) => iso !== null && Date.parse(iso) >= period.from && Date.parse(iso) < period.to;
  return {
    pointsIssued: issued,
    pointsRedeemed,
    pointsExpired: negated(sum(entries.filter(isExpiry))),
    redemptionRate: issued === 0 ? null : (100 * pointsRedeemed) / issued,
    activeMembers: new Set(entries.map((e) => e.userId)).size,
    tierDistribution: tierDistribution(activity.lifetimes, tiers),
    topRules: [...byRule]
      .map(([ruleId, total]) => ({ ruleId, ...total }))
      .sort((a, b) => b.points - a.points || (a.ruleId < b.ruleId ? -1 : 1))
      .slice(0, topN),
    referrals: {
      attached: activity.referrals.filter((r) => inPeriod(r.createdAt)).length,
      converted: activity.referrals.filter((r) => inPeriod(r.convertedAt)).length,
    },
  };
}

/** Members per tier, lowest tier first; `tierId: null` holds members below every threshold. */
export function tierDistribution(lifetimes: ReadonlyMap<string, number>, tiers: readonly Tier[]): RewardsKpis['tierDistribution'] {
  return membersByTier(lifetimes, tiers).map(([tierId, members]) => ({ tierId, members: members.length }));
}

/** The tiers from the lowest minimum points up (ties keep their order): the order of `membersByTier`'s groups. */
export const tiersAscending = <T extends Pick<Tier, 'minPoints'>>(tiers: readonly T[]): T[] =>
  [...tiers].sort((a, b) => a.minPoints - b.minPoints);

/** The members (user ids, sorted) of each tier their lifetime points reach, lowest tier first, then `null`. */
export function membersByTier(
  lifetimes: ReadonlyMap<string, number>,
  tiers: readonly Pick<Tier, 'id' | 'minPoints'>[],
): [string | null, string[]][] {
  const sorted = tiersAscending(tiers);
  const groups = new Map<string | null, string[]>([[null, []], ...sorted.map((t) => [t.id, []] as [string, string[]])]);
  for (const [userId, lifetime] of lifetimes) {
    const id = sorted.filter((t) => t.minPoints <= lifetime).at(-1)?.id ?? null;
    groups.get(id)?.push(userId);
  }
  return [...groups].map(([id, ids]) => [id, ids.sort()]);
}
