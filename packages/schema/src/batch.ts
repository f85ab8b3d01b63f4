import { z } from 'zod';
import { eventSchema } from './event.js';

/** Most events one batch may carry; the SDK splits larger queues. */
export const MAX_BATCH_EVENTS = 500;
/** Body limits, counted after decompression (field-notes: decompression bombs). */
export const MAX_BATCH_BYTES = 512 * 1024;
export const MAX_EVENT_BYTES = 32 * 1024;

/**
 * The body of `POST /v1/batch?key=<public key>`. Sent as `text/plain` so browsers make no
 * CORS preflight on the hot path.
 */
export const batchSchema = z
  .object({
    /** Client clock when the batch left the browser; the collector uses it to correct skew. */
    sentAt: z.iso.datetime({ offset: true }).describe('Client clock when the batch was sent; used to correct clock skew.'),
    /** Identity-verification token (HS256 JWT minted by the host's backend), when identified. */
    userToken: z.string().max(4096).optional().describe('HS256 JWT `{ sub, exp }` minted by the host backend with a project secret.'),
    events: z.array(eventSchema).min(1, 'a batch needs at least one event').max(MAX_BATCH_EVENTS),
  })
  .describe('Body of `POST /v1/batch?key=<public key>`, sent as text/plain.');

/** What the collector answers once the batch is durably stored. */
export const batchResultSchema = z
  .object({
    accepted: z.number().int().nonnegative().describe('Events stored by this request.'),
    duplicates: z.number().int().nonnegative().describe('Already stored with identical content (retries).'),
    conflicts: z.number().int().nonnegative().describe('Already stored with different content; the first version is kept.'),
  })
  .describe('Answer to a batch, sent only after its events are durably committed.');

export type Batch = z.infer<typeof batchSchema>;
export type BatchResult = z.infer<typeof batchResultSchema>;
