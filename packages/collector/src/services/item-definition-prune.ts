import { DAY_MS } from '../domain/time.js';
import { checklistDefinitions } from '../storage/kpi/item-definition.js';
import type { Store } from '../storage/store.js';
import type { JobWorker } from './job-worker.js';

export const ITEM_DEFINITION_PRUNE_JOB = 'kpi.item-definitions.prune';

/**
 * `kpi.item-definitions.prune`, daily (one run per day across every instance): drops the checklist
 * rollup's item definitions (`storage/kpi/item-definition.ts`) that no checklist of the project
 * uses, archived ones included (their KPIs can still be read, and they can be restored). Every
 * definition kept costs each fold a match of its event: a definition an edit left behind would
 * otherwise be folded for ever. Daily rather than when a checklist is saved: an edit undone the
 * same day still reads the rollup at once, and the deletion of a definition's rows never runs in
 * a console request. A definition pruned and asked for again is built anew from `events`.
 */
export function scheduleItemDefinitionPrune(
  worker: JobWorker,
  deps: { projects: () => readonly { id: string }[]; store: Pick<Store, 'prompts' | 'kpi'> },
): void {
  worker
    .register({
      kind: ITEM_DEFINITION_PRUNE_JOB,
      maxAttempts: 3,
      backoff: { baseMs: 60_000, maxMs: 3_600_000 },
      async run() {
        for (const { id } of deps.projects()) {
          const prompts = await deps.store.prompts.list(id);
          const used = prompts.flatMap(({ prompt }) => (prompt.kind === 'checklist' ? checklistDefinitions(prompt.content.items) : []));
          await deps.store.kpi.pruneItemDefinitions(id, used);
        }
      },
    })
    .schedule({ kind: ITEM_DEFINITION_PRUNE_JOB, everyMs: DAY_MS });
}
