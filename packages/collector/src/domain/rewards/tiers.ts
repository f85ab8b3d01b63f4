import type { Badge, RewardsState, Tier } from '@hearth/schema';

/** The highest tier whose threshold the lifetime points reach, and the one after it. */
export function tierFor(tiers: readonly Tier[], lifetime: number): Pick<RewardsState, 'tier' | 'nextTier'> {
  const sorted = [...tiers].sort((a, b) => a.minPoints - b.minPoints);
  const reached = sorted.filter((tier) => tier.minPoints <= lifetime);
  const current = reached.at(-1);
  const next = sorted.find((tier) => tier.minPoints > lifetime);
  return {
    tier: current ? { id: current.id, name: current.name, minPoints: current.minPoints, perks: current.perks } : null,
    nextTier: next ? { id: next.id, name: next.name, minPoints: next.minPoints } : null,
  };
}

export interface BadgeFacts {
  lifetime: number;
  ruleCounts: ReadonlyMap<string, number>;
  /** Verified events of the user matching `event` and `where`. */
  eventCount(event: string, where: Readonly<Record<string, string | number | boolean | null>> | undefined): number;
}

/** Badges are derived from the append-only ledger and stored events, so once earned they stay earned. */
export function badgeStates(badges: readonly Badge[], facts: BadgeFacts): RewardsState['badges'] {
  return badges.map((badge) => {
    const { unlock } = badge;
    const [count, target] =
      unlock.type === 'rule'
        ? [facts.ruleCounts.get(unlock.ruleId) ?? 0, unlock.count]
        : unlock.type === 'lifetimePoints'
          ? [facts.lifetime, unlock.min]
          : [facts.eventCount(unlock.event, unlock.where), unlock.count];
    return {
      id: badge.id,
      name: badge.name,
      ...(badge.description ? { description: badge.description } : {}),
      earned: count >= target,
      count: Math.min(count, target),
      target,
    };
  });
}
