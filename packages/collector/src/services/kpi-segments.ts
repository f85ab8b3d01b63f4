import type { ProjectConfig } from '@hearth/schema';
import { inRewardsHoldout } from '../domain/rewards/holdout.js';
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

/** Every identified user of the project: the listed-users segment with nobody listed, negated. */
export const IDENTIFIED: KpiSegment = { kind: 'users', ids: [], negate: true };

/** The ids of the program's holdout among the identified users at `to` (none without a holdout). */
export async function holdoutUserIds(store: Pick<Store, 'kpi'>, project: ProjectConfig, to: Date): Promise<string[]> {
  if (!project.rewards?.holdout) return [];
  return holdoutAmong(project, await store.kpi.segmentUserIds(project.id, IDENTIFIED, to));
}

/** The program's holdout among these users (the hash decides, see domain/rewards/holdout.ts). */
export const holdoutAmong = (project: ProjectConfig, userIds: readonly string[]): string[] =>
  userIds.filter((id) => inRewardsHoldout(project.rewards, project.id, id));

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
      return { kind: 'users', ids: await holdoutUserIds(store, project, to), negate: choice.group === 'exposed' };
  }
}
