import { describe, expect, it } from 'vitest';
import type { StoredResponse } from '../domain/survey/response.js';
import { webhookEndpointSchema } from '@hearth/schema';
import { surveyResponseDeliveries, type SurveyResponsePayload } from './survey-response.js';

const at = new Date('2026-03-15T12:00:00Z');
const response = (answer: StoredResponse['answer'], overrides: Partial<StoredResponse> = {}): StoredResponse => ({
  surveyId: 'nps',
  userId: 'user-1',
  anonymous: false,
  cycle: 1,
  answer,
  comment: null,
  traits: { plan: 'pro' },
  locale: 'en',
  answeredAt: at,
  updatedAt: at,
  ...overrides,
});
const secrets = ['whsec_test_0123456789abcdefghij'];
const detractorsOnly = webhookEndpointSchema.parse({ url: 'https://crm.acme.test/hearth', secrets });
const everything = webhookEndpointSchema.parse({ url: 'https://data.acme.test/hearth', secrets, surveyResponses: 'all' });
const otherSurvey = webhookEndpointSchema.parse({ url: 'https://x.acme.test/h', secrets, surveyResponses: 'all', surveyIds: ['csat'] });
const endpoints = [detractorsOnly, everything, otherSurvey];

describe('surveyResponseDeliveries', () => {
  it('sends a detractor to detractor and all-response endpoints, with the traits and group', () => {
    const deliveries = surveyResponseDeliveries('acme', 'created', response({ type: 'nps', score: 3 }), endpoints);
    expect(deliveries.map((d) => d.url)).toEqual([detractorsOnly.url, everything.url]);
    const payload = JSON.parse(deliveries[0]!.body) as SurveyResponsePayload;
    expect(payload).toMatchObject({
      type: 'survey.response.created',
      projectId: 'acme',
      data: {
        surveyId: 'nps',
        userId: 'user-1',
        answer: { type: 'nps', score: 3 },
        group: 'detractor',
        unhappy: true,
        traits: { plan: 'pro' },
      },
    });
    expect(deliveries[0]!.deliveryId).toBe(payload.id);
  });

  it("never names a user for a visitor's anonymous answer, whatever its anonymous id looks like", () => {
    const [delivery] = surveyResponseDeliveries(
      'acme',
      'created',
      response({ type: 'nps', score: 3 }, { userId: 'user-1', anonymous: true }),
      [detractorsOnly],
    );
    const payload = JSON.parse(delivery!.body) as SurveyResponsePayload;
    expect(payload.data).toMatchObject({ userId: null, anonymousId: 'user-1' });
    expect(delivery!.deliveryId).not.toBe(
      surveyResponseDeliveries('acme', 'created', response({ type: 'nps', score: 3 }), [detractorsOnly])[0]!.deliveryId,
    );
  });

  it('sends promoters and passives only where every response is wanted', () => {
    for (const score of [7, 10]) {
      expect(surveyResponseDeliveries('acme', 'created', response({ type: 'nps', score }), endpoints).map((d) => d.url)).toEqual([
        everything.url,
      ]);
    }
  });

  it('treats CSAT 1–2 and a CLI mean of 6 or less as unhappy', () => {
    const csat = (score: number) =>
      surveyResponseDeliveries('acme', 'created', response({ type: 'csat', score }, { surveyId: 'csat' }), [detractorsOnly]);
    expect(csat(2)).toHaveLength(1);
    expect(csat(3)).toHaveLength(0);
    const cli = (scores: Record<string, number>) =>
      surveyResponseDeliveries('acme', 'created', response({ type: 'cli', scores }), [detractorsOnly]);
    expect(cli({ quality: 6, support: 6 })).toHaveLength(1);
    expect(cli({ quality: 6, support: 7 })).toHaveLength(0);
  });

  it('sends the comment as an update with its own stable id; a duplicate sends nothing', () => {
    const created = surveyResponseDeliveries('acme', 'created', response({ type: 'nps', score: 2 }), [detractorsOnly]);
    const commented = response({ type: 'nps', score: 2 }, { comment: 'Too slow', updatedAt: new Date(at.getTime() + 30_000) });
    const updated = surveyResponseDeliveries('acme', 'updated', commented, [detractorsOnly]);
    expect(updated[0]?.event).toBe('survey.response.updated');
    expect(updated[0]?.deliveryId).not.toBe(created[0]?.deliveryId);
    expect(surveyResponseDeliveries('acme', 'updated', commented, [detractorsOnly])[0]?.deliveryId).toBe(updated[0]?.deliveryId);
    expect(surveyResponseDeliveries('acme', 'duplicate', commented, endpoints)).toEqual([]);
  });
});

describe('webhookEndpointSchema', () => {
  it('needs an http(s) URL and one or two long secrets', () => {
    expect(webhookEndpointSchema.safeParse({ url: 'ftp://x', secrets }).success).toBe(false);
    expect(webhookEndpointSchema.safeParse({ url: 'https://x.test', secrets: ['short'] }).error?.issues[0]?.message).toBe(
      'webhook secrets must be at least 24 characters',
    );
    expect(webhookEndpointSchema.safeParse({ url: 'https://x.test', secrets: [...secrets, ...secrets, ...secrets] }).success).toBe(false);
  });
});
