import type { NewEvent, WriteResult } from '../domain/events.js';
import type { Store } from '../storage/store.js';

/**
 * A named step that runs once a batch's events are committed and before the batch is acknowledged
 * (so the widget's next state refresh already shows its effect). It must be idempotent: a retried
 * batch runs it again for events that were already committed.
 */
export interface AfterCommitStep {
  name: string;
  run(events: readonly NewEvent[]): Promise<void>;
}

export interface IngestDeps {
  store: Pick<Store, 'writeEvents'>;
  afterCommit: readonly AfterCommitStep[];
  log?: (message: string, error: unknown) => void;
}

/** Browser ingest: commit the events, then run the after-commit steps in order. */
export function createIngest({ store, afterCommit, log = console.error }: IngestDeps) {
  return {
    /** Resolves once the events are committed durably (group commit may merge concurrent calls). */
    commit: (events: readonly NewEvent[]): Promise<WriteResult> => store.writeEvents(events),
    /** A failing step is logged, never fails the batch: its events are committed already. */
    async afterCommit(events: readonly NewEvent[]): Promise<void> {
      for (const step of afterCommit) {
        await step.run(events).catch((error: unknown) => log(`hearth-collector: after-commit step "${step.name}" failed`, error));
      }
    },
  };
}

export type Ingest = ReturnType<typeof createIngest>;
