import { createHash } from 'node:crypto';
import { npsGroup, isUnhappy } from '../domain/survey/groups.js';
import type { StoredResponse } from '../domain/survey/response.js';
import type { WebhookDelivery } from './deliver.js';
import type { WebhookEndpoint } from '@hearth/schema';

export type SurveyResponseEvent = 'survey.response.created' | 'survey.response.updated';

/** The JSON body host backends receive; documented in docs/surveys.md. */
export interface SurveyResponsePayload {
  id: string;
  type: SurveyResponseEvent;
  projectId: string;
  createdAt: string;
  data: {
    surveyId: string;
    /** Null for a visitor who had not identified: such an answer never names a user. */
    userId: string | null;
    /** The visitor's anonymous id, for an anonymous answer only. */
    anonymousId?: string;
    cycle: number;
    answer: StoredResponse['answer'];
    /** NPS only. */
    group: ReturnType<typeof npsGroup> | null;
    /** NPS detractor, CSAT 1–2 or CLI mean ≤ 6. */
    unhappy: boolean;
    comment: string | null;
    traits: StoredResponse['traits'];
    locale: string | null;
    answeredAt: string;
    updatedAt: string;
  };
}

/**
 * The deliveries a stored response triggers: `created` when the score is chosen (so the team can
 * reach an unhappy user right away) and `updated` when the comment or more CLI scores arrive.
 * Duplicates trigger nothing. Delivery ids are stable for the same change, so a re-run after a
 * crash re-sends the same id and receivers can de-duplicate.
 */
export function surveyResponseDeliveries(
  projectId: string,
  outcome: 'created' | 'updated' | 'duplicate',
  record: StoredResponse,
  endpoints: readonly WebhookEndpoint[],
): WebhookDelivery[] {
  if (outcome === 'duplicate') return [];
  const unhappy = isUnhappy(record.answer);
  const type: SurveyResponseEvent = `survey.response.${outcome}`;
  const id = createHash('sha256')
    .update(
      JSON.stringify([projectId, record.surveyId, record.userId, record.anonymous, record.cycle, type, record.updatedAt.toISOString()]),
    )
    .digest('hex')
    .slice(0, 32);
  const payload: SurveyResponsePayload = {
    id,
    type,
    projectId,
    createdAt: record.updatedAt.toISOString(),
    data: {
      surveyId: record.surveyId,
      ...(record.anonymous ? { userId: null, anonymousId: record.userId } : { userId: record.userId }),
      cycle: record.cycle,
      answer: record.answer,
      group: record.answer.type === 'nps' ? npsGroup(record.answer.score) : null,
      unhappy,
      comment: record.comment,
      traits: record.traits,
      locale: record.locale,
      answeredAt: record.answeredAt.toISOString(),
      updatedAt: record.updatedAt.toISOString(),
    },
  };
  const body = JSON.stringify(payload);
  return endpoints
    .filter((e) => e.surveyResponses === 'all' || (e.surveyResponses === 'detractors' && unhappy))
    .filter((e) => !e.surveyIds || e.surveyIds.includes(record.surveyId))
    .map((e) => ({ url: e.url, secrets: e.secrets, deliveryId: id, event: type, body }));
}
