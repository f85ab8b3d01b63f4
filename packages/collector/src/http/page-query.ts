import { z } from 'zod';

/** `limit` of a paged console list (users, accounts): 1–100, 20 when absent. */
export const pageLimitSchema = z.coerce
  .number({ error: 'limit must be a number' })
  .int('limit must be a whole number')
  .min(1, 'limit must be 1–100')
  .max(100, 'limit must be 1–100')
  .default(20);
