import { percent } from './median.js';

/**
 * Feature adoption rate (docs/reference/kpi-definitions.md, "Engagement and adoption"): subjects who performed the
 * feature's event at least once in [from, to) ÷ subjects active in [from, to) × 100 (active as in
 * active-users.ts). Null when nobody was active.
 */
export interface AdoptionCounts {
  activeUsers: number;
  adopters: number;
}

export interface AdoptionKpis extends AdoptionCounts {
  adoptionRate: number | null;
}

export function adoptionKpis({ activeUsers, adopters }: AdoptionCounts): AdoptionKpis {
  if (adopters > activeUsers) throw new RangeError('adopters must not exceed activeUsers');
  return { activeUsers, adopters, adoptionRate: percent(adopters, activeUsers) };
}
