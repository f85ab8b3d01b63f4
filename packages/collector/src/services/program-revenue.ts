import type { ProjectConfig } from '@hearth/schema';
import type { Customer } from '../domain/revenue/revenue-fact.js';
import { inRewardsHoldout } from '../domain/rewards/holdout.js';
import { revenueGroupOf, type RevenueGroup } from '../kpi/group-revenue.js';
import type { Store } from '../storage/store.js';

/** Each program group's revenue, in the groups' order of the program-impact answer. */
export interface ProgramRevenue {
  member: RevenueGroup;
  nonMember: RevenueGroup;
  tiers: RevenueGroup[];
  exposed: RevenueGroup | null;
  holdout: RevenueGroup | null;
}

export interface ProgramRevenueInput {
  period: { from: number; to: number };
  /** Member user ids per tier, as `membersByTier` lists them (ascending, "no tier" first). */
  tiers: readonly (readonly string[])[];
  /** The holdout's users, and under the account unit the exposed ones (kpi-segments.ts); null without a holdout. */
  assignment: { held: readonly string[]; exposed: readonly string[] | null } | null;
}

/**
 * Which program group a paying customer is in (docs/reference/kpi-definitions.md, "Loyalty
 * program impact"). A user customer is in its user's groups. An account customer is a member when
 * any of its users is, and in the highest tier any of its members reached. For the holdout, only
 * the sampled unit counts: under the user unit user customers (an account mixes held-out and
 * exposed users, so it is in neither), under the account unit account customers by their own draw
 * and user customers by their accounts' (none: outside the experiment).
 */
export async function programRevenue(store: Store, project: ProjectConfig, input: ProgramRevenueInput): Promise<ProgramRevenue | null> {
  const config = project.revenue;
  if (!config) return null;
  const { period, assignment } = input;
  const [rows, members, memberships] = await Promise.all([
    store.revenue.customerPeriods(project.id, period.from, period.to),
    store.kpi.segmentUserIds(project.id, { kind: 'member' }, new Date(period.to)),
    store.kpi.holdoutUnits(project.id, 'account'),
  ]);
  const usersOf = new Map<string, string[]>();
  for (const { userId, unitId } of memberships) usersOf.set(unitId, [...(usersOf.get(unitId) ?? []), userId]);
  const usersBehind = (c: Customer) => (c.kind === 'user' ? [c.id] : (usersOf.get(c.id) ?? []));
  const isMember = new Set(members);
  const tierOf = new Map<string, number>();
  input.tiers.forEach((ids, index) => ids.forEach((id) => tierOf.set(id, index)));
  const held = new Set(assignment?.held);
  const exposed = assignment?.exposed ? new Set(assignment.exposed) : null;
  const byAccount = project.rewards?.holdout?.unit === 'account';
  // true: held out, false: exposed, null: not a unit of the experiment.
  const heldOut = (c: Customer): boolean | null => {
    if (!assignment) return null;
    if (c.kind === 'account') return byAccount ? inRewardsHoldout(project.rewards, project.id, c.id) : null;
    if (held.has(c.id)) return true;
    return exposed === null || exposed.has(c.id) ? false : null;
  };
  const facts = rows.map((row) => {
    const users = usersBehind(row.customer);
    const tiers = users.flatMap((id) => (tierOf.has(id) ? [tierOf.get(id)!] : []));
    return {
      row,
      member: users.some((id) => isMember.has(id)),
      tier: tiers.length ? Math.max(...tiers) : null,
      held: heldOut(row.customer),
    };
  });
  const group = (keep: (fact: (typeof facts)[number]) => boolean) =>
    revenueGroupOf(
      facts.filter(keep).map((fact) => fact.row),
      config,
      period,
    );
  return {
    member: group((f) => f.member),
    nonMember: group((f) => !f.member),
    tiers: input.tiers.map((_, index) => group((f) => f.tier === index)),
    exposed: assignment ? group((f) => f.held === false) : null,
    holdout: assignment ? group((f) => f.held === true) : null,
  };
}
