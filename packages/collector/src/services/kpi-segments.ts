import type { ProjectConfig } from '@hearth/schema';
import { holdoutUnit, inRewardsHoldout } from '../domain/rewards/holdout.js';
import { DAY_MS } from '../domain/time.js';
import {
  AT_RISK_DEFAULT_DAYS,
  LONG_TIME_DAYS,
  NEW_DAYS,
  segmentOf,
  traitSegmentOf,
  type KpiSegment,
  type SegmentChoice,
} from '../kpi/segment.js';
import type { Store } from '../storage/store.js';

/**
 * The program's holdout, as user ids: every identified user whose unit the hash holds out (their
 * own id, or with `unit: 'account'` any account they belong to), and under the account unit the
 * exposed users too (members of an account none of whose accounts is held out); null there means
 * every other identified user. `heldUnits`: the held-out units themselves (the users, or the
 * accounts). One narrow read of the units; each unit hashed once.
 */
export async function holdoutAssignment(
  store: Pick<Store, 'kpi'>,
  project: ProjectConfig,
): Promise<{ held: string[]; exposed: string[] | null; heldUnits: string[] }> {
  if (!project.rewards?.holdout) return { held: [], exposed: null, heldUnits: [] };
  const unit = holdoutUnit(project.rewards);
  const held = new Set<string>();
  const inExperiment = new Set<string>();
  const drawn = new Map<string, boolean>();
  for (const { userId, unitId } of await store.kpi.holdoutUnits(project.id, unit)) {
    let out = drawn.get(unitId);
    if (out === undefined) drawn.set(unitId, (out = inRewardsHoldout(project.rewards, project.id, unitId)));
    if (out) held.add(userId);
    inExperiment.add(userId);
  }
  const sorted = (ids: Iterable<string>) => [...ids].sort();
  return {
    held: sorted(held),
    exposed: unit === 'account' ? sorted([...inExperiment].filter((id) => !held.has(id))) : null,
    heldUnits: sorted([...drawn].filter(([, out]) => out).map(([unitId]) => unitId)),
  };
}

/**
 * The store's segment for the URL's choice at the range's end `to` (definitions in kpi/segment.ts).
 * The holdout is decided by a hash SQL cannot compute, so it is resolved here into a user list.
 */
export async function resolveSegment(
  store: Pick<Store, 'kpi'>,
  project: ProjectConfig,
  choice: SegmentChoice,
  to: Date,
  atRiskDays = AT_RISK_DEFAULT_DAYS,
): Promise<KpiSegment> {
  const end = to.getTime();
  switch (choice.kind) {
    case 'trait':
      return traitSegmentOf(segmentOf(choice.trait)) as KpiSegment;
    case 'lifecycle':
      if (choice.stage === 'trial') return { kind: 'trait', trait: 'plan', values: ['trial'] };
      if (choice.stage === 'new') return { kind: 'first-seen', fromMs: end - NEW_DAYS * DAY_MS, toMs: end };
      if (choice.stage === 'long-time') return { kind: 'first-seen', fromMs: null, toMs: end - LONG_TIME_DAYS * DAY_MS };
      return { kind: 'at-risk', days: atRiskDays };
    case 'program':
      if (choice.group === 'member' || choice.group === 'non-member') return { kind: choice.group };
      return programSegment(await holdoutAssignment(store, project), choice.group);
  }
}

/** The holdout or the exposed users as a listed-users segment. */
function programSegment({ held, exposed }: { held: string[]; exposed: string[] | null }, group: 'holdout' | 'exposed'): KpiSegment {
  if (group === 'holdout') return { kind: 'users', ids: held, negate: false };
  return exposed === null ? { kind: 'users', ids: held, negate: true } : { kind: 'users', ids: exposed, negate: false };
}
