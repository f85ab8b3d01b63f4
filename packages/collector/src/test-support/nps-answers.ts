import type { Store } from '../storage/store.js';

/**
 * Stores answers to the `nps` survey (cycle 1, no comment or traits) straight through the store:
 * `answer(userId, score, at, anonymous?)`, where `anonymous` marks an answer a browser sent under
 * that user id without proof, which no KPI may count as theirs.
 */
export const npsAnswers =
  (store: Store, projectId: string) =>
  (userId: string, score: number, at: number, anonymous = false) =>
    store.responses.insert(projectId, {
      surveyId: 'nps',
      userId,
      anonymous,
      cycle: 1,
      answer: { type: 'nps', score },
      comment: null,
      traits: {},
      locale: null,
      answeredAt: new Date(at),
      updatedAt: new Date(at),
    });
