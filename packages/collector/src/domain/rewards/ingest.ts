import type { Store } from '../../storage/store.js';
import type { NewEvent } from '../../storage/events.js';
import type { RewardsEngine } from './engine.js';

/**
 * The batch path's post-commit hook, as a store decorator: once `writeEvents` has committed, the
 * browser events go through the earning rules as `client` events (so only `source: 'client'` rules
 * with a verified identity can pay). The batch is acknowledged after the awards, so the widget's
 * next state refresh already shows them; a rewards failure is logged, never fails the batch (its
 * events are committed, and a retried batch re-applies the rules idempotently).
 */
export function withRewardsIngest(store: Store, engine: RewardsEngine, log: (message: string, error: unknown) => void = console.error): Store {
  return {
    ...store,
    writeEvents: async (events: readonly NewEvent[]) => {
      const result = await store.writeEvents(events);
      const byProject = new Map<string, NewEvent[]>();
      for (const event of events) {
        const list = byProject.get(event.projectId);
        if (list) list.push(event);
        else byProject.set(event.projectId, [event]);
      }
      for (const [projectId, projectEvents] of byProject) {
        await engine.onEvents(projectId, projectEvents, 'client').catch((error: unknown) => log('hearth-collector: applying earning rules failed', error));
      }
      return result;
    },
  };
}
