import { z } from 'zod';
import { batchResultSchema } from './batch.js';
import { ledgerEntrySchema, redemptionSchema } from './rewards.js';

/**
 * Answers of the secret-key server API (`/v1/server/*`), as the collector sends them and the Node
 * client (`@hearth/node`) types them.
 */

export const balanceSchema = z.object({
  balance: z.number().int().nonnegative(),
  /** Sum of positive entries: what tiers are measured on (spending never drops a tier). */
  lifetime: z.number().int().nonnegative(),
});

/** `GET /v1/server/users/{userId}/balance`. */
export const userBalanceSchema = balanceSchema.extend({ userId: z.string() });

export const serverLedgerEntrySchema = ledgerEntrySchema.extend({ userId: z.string() });

/** `GET /v1/server/users/{userId}/ledger`: newest first. */
export const ledgerPageSchema = z.object({ entries: z.array(serverLedgerEntrySchema) });

/** `POST /v1/server/points`: `duplicate` when the idempotency key was used before with the same parameters. */
export const pointsResultSchema = balanceSchema.extend({
  status: z.enum(['created', 'duplicate']),
  entry: serverLedgerEntrySchema,
});

/** What one server event earned under one rule. */
export const awardSchema = z.object({
  userId: z.string(),
  ruleId: z.string(),
  points: z.number().int(),
  status: z.enum(['created', 'duplicate', 'capped']),
});

/** `POST /v1/server/events`. */
export const serverEventsResultSchema = batchResultSchema.extend({ awards: z.array(awardSchema) });

/** `POST /v1/server/redemptions/{id}/fulfilled|failed`. */
export const serverRedemptionSchema = redemptionSchema.extend({ failureReason: z.string().nullable() });

/** `POST /v1/server/referrals`. */
export const referralSchema = z.object({
  referrerUserId: z.string(),
  referredUserId: z.string(),
  createdAt: z.string(),
  convertedAt: z.string().nullable(),
});

export type Balance = z.infer<typeof balanceSchema>;
export type UserBalance = z.infer<typeof userBalanceSchema>;
export type ServerLedgerEntry = z.infer<typeof serverLedgerEntrySchema>;
export type PointsResult = z.infer<typeof pointsResultSchema>;
export type Award = z.infer<typeof awardSchema>;
export type ServerEventsResult = z.infer<typeof serverEventsResultSchema>;
export type ServerRedemption = z.infer<typeof serverRedemptionSchema>;
export type Referral = z.infer<typeof referralSchema>;
