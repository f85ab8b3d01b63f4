import type { NewEvent } from '../domain/events.js';
import type { AfterCommitStep } from './ingest.js';
import type { RewardsEngine } from './rewards-engine.js';

/**
 * Rewards' after-commit step of browser ingest: the committed events go through the earning rules
 * as `client` events, so only `source: 'client'` rules with a verified identity can pay (awards are
 * keyed by message id, so a retried batch pays nothing twice).
 */
export function awardClientEvents(engine: RewardsEngine): AfterCommitStep {
  return {
    name: 'rewards: earning rules on client events',
    async run(events: readonly NewEvent[]) {
      const byProject = new Map<string, NewEvent[]>();
      for (const event of events) {
        const list = byProject.get(event.projectId);
        if (list) list.push(event);
        else byProject.set(event.projectId, [event]);
      }
      for (const [projectId, projectEvents] of byProject) await engine.onEvents(projectId, projectEvents, 'client');
    },
  };
}
