import type { ChecklistPrompt, ChecklistUplift } from '@hearth/schema';
import { completingEvent } from '../domain/checklist/progress.js';
import { UPLIFT_ACTION_DAYS, UPLIFT_RETENTION_DAYS, UPLIFT_WINDOWS_MS } from '../domain/checklist/uplift-windows.js';
import type { KpiSegment } from '../kpi/segment.js';
import { compareProportions, type GroupNames } from '../kpi/stats/comparison.js';
import type { Store } from '../storage/store.js';

const NAMES: GroupNames = { exposed: 'users shown the checklist', control: 'the control group' };

/**
 * A checklist's exposed group against its randomized control over users assigned in
 * [from, to) (docs/reference/kpi-definitions.md, "Loyalty program impact"): the store counts both
 * groups from the recorded assignments in one statement; kpi/stats draws the intervals. Users are
 * compared by assignment (intention to treat): an exposed user who never opened the checklist
 * stays exposed. Null when the checklist has no holdout.
 */
export async function checklistUplift(
  store: Pick<Store, 'kpi'>,
  projectId: string,
  checklist: ChecklistPrompt,
  query: { range: { from: Date; to: Date }; segment?: KpiSegment | undefined },
): Promise<ChecklistUplift | null> {
  if (!checklist.holdout) return null;
  const { items } = checklist.content;
  const counts = await store.kpi.checklistUplift(projectId, {
    promptId: checklist.id,
    items,
    ...query.range,
    ...UPLIFT_WINDOWS_MS,
    segment: query.segment,
  });
  const { exposed, control } = counts;
  const none = { n: 0, successes: 0 };
  const eventItems = items.filter((item) => completingEvent(item) !== null);
  return {
    percent: checklist.holdout.percent,
    assigned: { exposed: exposed.assigned, control: control.assigned },
    actionDays: UPLIFT_ACTION_DAYS,
    retentionDays: { ...UPLIFT_RETENTION_DAYS },
    items: eventItems.map((item) => ({
      itemId: item.id,
      comparison: compareProportions(exposed.items.get(item.id) ?? none, control.items.get(item.id) ?? none, NAMES),
    })),
    allItems: eventItems.length > 0 ? compareProportions(exposed.allItems, control.allItems, NAMES) : null,
    retention: compareProportions(exposed.retained, control.retained, NAMES),
  };
}
