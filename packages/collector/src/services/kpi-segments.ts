import type { ProjectConfig } from '@hearth/schema';
import { holdoutUnit } from '../domain/rewards/holdout.js';
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

/** The store's segment for the URL's choice at the range's end `to` (definitions in kpi/segment.ts). */
export function resolveSegment(project: ProjectConfig, choice: SegmentChoice, to: Date, atRiskDays = AT_RISK_DEFAULT_DAYS): KpiSegment {
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
      // Without a holdout nobody is held out, and every identified user is exposed.
      return { kind: 'holdout', group: choice.group, percent: project.rewards?.holdout?.percent ?? 0, unit: holdoutUnit(project.rewards) };
  }
}
