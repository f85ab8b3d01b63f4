import type { JsonValue, SurveyPrompt, SurveyResponse } from '@hearth/schema';
import { decideResponse, type ResponseDecision, type StoredResponse } from '../domain/survey/response.js';
import type { NewJob } from '../storage/jobs/job-store.js';
import { respondentKey } from '../storage/responses/response-rows.js';
import type { Respondent, ResponseStore } from '../storage/responses/response-store.js';

export interface SaveInput {
  projectId: string;
  survey: SurveyPrompt;
  respondent: Respondent;
  response: SurveyResponse;
  traits: Readonly<Record<string, JsonValue>>;
  now: Date;
  /** A later score replaces the stored one (see ResponseContext). */
  rescore?: boolean;
  /** The jobs (webhooks) a new or changed response causes: written in the response's transaction. */
  jobsFor?: (outcome: 'created' | 'updated', record: StoredResponse) => readonly NewJob[];
}

/**
 * Collectors sharing one database can still race on a row; after this many compare-and-set
 * misses the request is refused with 409 (retry later) instead of looping.
 */
const MAX_ROUNDS = 8;

/** Per store, the tail of each response key's queue of saves: one save per row at a time. */
const queues = new WeakMap<ResponseStore, Map<string, Promise<unknown>>>();

/**
 * Runs `save` after every earlier save of the same key on this store has settled. Concurrent
 * writers to one row (a score and its comment, two tabs, a double click) would otherwise keep
 * invalidating each other's compare-and-set.
 */
async function serialized<T>(store: ResponseStore, key: string, save: () => Promise<T>): Promise<T> {
  let tails = queues.get(store);
  if (!tails) queues.set(store, (tails = new Map()));
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(save, save);
  // The tail only orders the next save: this save's error reaches its caller through `run`.
  const tail = run.catch(() => undefined);
  tails.set(key, tail);
  try {
    return await run;
  } finally {
    if (tails.get(key) === tail) tails.delete(key);
  }
}

/**
 * Reads what is stored, lets `decideResponse` decide, and writes with compare-and-set. Saves of
 * one (survey, user) in this process run one after the other; when another process changed the
 * row in between, it decides again from the fresh row, so the outcome is as if the requests had
 * arrived one after the other, or a 409 when the row keeps changing.
 */
export function saveResponse(store: ResponseStore, input: SaveInput): Promise<ResponseDecision> {
  const { projectId, survey, respondent, response } = input;
  const { id: userId, anonymous } = respondentKey(respondent);
  return serialized(store, JSON.stringify([projectId, survey.id, userId, anonymous]), async () => {
    for (let round = 1; round <= MAX_ROUNDS; round += 1) {
      const [existing, latest] = await Promise.all([
        store.get(projectId, survey.id, respondent, response.cycle),
        store.latest(projectId, survey.id, respondent),
      ]);
      const decision = decideResponse(response, {
        survey,
        userId,
        anonymous,
        existing,
        latest,
        traits: input.traits,
        now: input.now,
        rescore: input.rescore ?? false,
      });
      const jobs = (saved: StoredResponse, outcome: 'created' | 'updated') => input.jobsFor?.(outcome, saved) ?? [];
      const written =
        decision.outcome === 'created'
          ? await store.insert(projectId, decision.record, jobs(decision.record, 'created'))
          : decision.outcome === 'updated' && existing
            ? await store.update(projectId, existing, decision.record, jobs(decision.record, 'updated'))
            : true;
      if (written) return decision;
    }
    return {
      outcome: 'refused',
      status: 409,
      issues: [
        {
          path: 'cycle',
          message: `the response to cycle ${response.cycle} kept changing while being saved (another collector is writing it); retry`,
        },
      ],
    };
  });
}
