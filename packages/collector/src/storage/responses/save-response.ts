import type { JsonValue, SurveyPrompt, SurveyResponse } from '@hearth/schema';
import { decideResponse, type ResponseDecision } from '../../domain/survey/response.js';
import { respondentKey } from './response-rows.js';
import type { Respondent, ResponseStore } from './response-store.js';

export interface SaveInput {
  projectId: string;
  survey: SurveyPrompt;
  respondent: Respondent;
  response: SurveyResponse;
  traits: Readonly<Record<string, JsonValue>>;
  now: Date;
}

/** Writers racing on one response (a score and its comment, two tabs) each re-read; a few rounds settle it. */
const MAX_ROUNDS = 4;

/**
 * Reads what is stored, lets `decideResponse` decide, and writes with compare-and-set. When
 * another request changed the row in between, it decides again from the fresh row, so the
 * outcome is as if the requests had arrived one after the other.
 */
export async function saveResponse(store: ResponseStore, input: SaveInput): Promise<ResponseDecision> {
  const { projectId, survey, respondent, response } = input;
  const { id: userId, anonymous } = respondentKey(respondent);
  for (let round = 1; ; round += 1) {
    const [existing, latest] = await Promise.all([
      store.get(projectId, survey.id, respondent, response.cycle),
      store.latest(projectId, survey.id, respondent),
    ]);
    const decision = decideResponse(response, { survey, userId, anonymous, existing, latest, traits: input.traits, now: input.now });
    const written =
      decision.outcome === 'created'
        ? await store.insert(projectId, decision.record)
        : decision.outcome === 'updated' && existing
          ? await store.update(projectId, existing, decision.record)
          : true;
    if (written) return decision;
    if (round >= MAX_ROUNDS) throw new Error(`survey response ${survey.id}/${userId}/${response.cycle} kept changing while being saved`);
  }
}
