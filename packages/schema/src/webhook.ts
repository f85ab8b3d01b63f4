import { z } from 'zod';

/**
 * A webhook endpoint of a project (`ProjectConfig.webhooks`): where survey responses are pushed so
 * a team can follow up with an unhappy user right away. Two secrets allow a rotation: every
 * delivery carries a signature per secret until the old one is removed.
 */
export const webhookEndpointSchema = z
  .object({
    url: z
      .string()
      .max(2_048)
      .refine((url) => /^https?:\/\//i.test(url), 'url must start with http:// or https://')
      .describe('Receives `POST` requests with a JSON body, signed in `Hearth-Signature`.'),
    secrets: z
      .array(z.string().min(24, 'webhook secrets must be at least 24 characters').max(256))
      .min(1, 'secrets needs at least one secret')
      .max(2, 'secrets holds at most two (the current one and the one being rotated out)')
      .describe('HMAC-SHA256 keys; one `v1` signature per secret.'),
    /** `detractors`: only responses to follow up on (NPS 0–6, CSAT 1–2, CLI mean ≤ 6); `all`: every response. */
    surveyResponses: z
      .enum(['detractors', 'all', 'none'])
      .default('detractors')
      .describe('Which survey responses are sent: `detractors` (unhappy answers), `all`, or `none`.'),
    surveyIds: z.array(z.string().min(1).max(64)).min(1).optional().describe('Only these surveys; absent means every survey.'),
  })
  .describe('A signed webhook endpoint for survey responses.');

export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;
export type WebhookEndpointInput = z.input<typeof webhookEndpointSchema>;
