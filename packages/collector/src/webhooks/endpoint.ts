import { z } from 'zod';

/**
 * A webhook endpoint in the project config (proposed as `ProjectConfig.webhooks`). Two secrets
 * allow a rotation: every delivery carries a signature per secret until the old one is removed.
 */
export const webhookEndpointSchema = z.object({
  url: z
    .string()
    .max(2_048)
    .refine((url) => /^https?:\/\//i.test(url), 'url must start with http:// or https://'),
  secrets: z
    .array(z.string().min(24, 'webhook secrets must be at least 24 characters').max(256))
    .min(1, 'secrets needs at least one secret')
    .max(2, 'secrets holds at most two (the current one and the one being rotated out)'),
  /** `detractors`: only responses to follow up on (see `isUnhappy`); `all`: every response. */
  surveyResponses: z.enum(['detractors', 'all', 'none']).default('detractors'),
  /** Only these surveys; absent means every survey. */
  surveyIds: z.array(z.string().min(1).max(64)).min(1).optional(),
});

export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;
