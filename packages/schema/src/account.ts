import { z } from 'zod';
import { accountIdSchema } from './event.js';
import { propertiesSchema } from './json.js';

/**
 * Accounts (companies, teams): what the host's backend sends with its secret key and what the
 * collector answers about them. A user may belong to several accounts; traits set here (or signed
 * into a `groupToken`) are the account's trusted traits: plan, seats, MRR, created date.
 */

/** `PUT /v1/server/accounts/{accountId}`: the account's traits, merged key by key into the stored ones. */
export const accountTraitsRequestSchema = z.object({
  traits: propertiesSchema.describe('Traits to set; a key sent replaces that trait, keys left out are kept.'),
});

/** `PUT /v1/server/accounts/{accountId}/members/{userId}`: no body needed. */
export const accountMemberRequestSchema = z.object({
  /** When the user joined; defaults to now. */
  joinedAt: z.iso.datetime({ offset: true }).optional().describe('When the user joined the account; now when absent.'),
});

/** One account as the server API and the console list it. */
export const accountSummarySchema = z.object({
  accountId: accountIdSchema,
  traits: propertiesSchema,
  /** ISO 8601: the first time Hearth heard of the account. */
  createdAt: z.string(),
  members: z.number().int().nonnegative(),
  /** ISO 8601 of the newest event attributed to the account, or null. */
  lastActiveAt: z.string().nullable(),
});

export const accountMemberSchema = z.object({
  userId: z.string(),
  joinedAt: z.string(),
  /** When this account last became the user's active one (a group call or a server event in it). */
  activeAt: z.string(),
  /** The user's last activity anywhere, or null when Hearth has no event of theirs. */
  lastSeen: z.string().nullable(),
});

/** `GET /v1/server/accounts/{accountId}` and the console's account page. */
export const accountDetailSchema = accountSummarySchema.extend({ memberList: z.array(accountMemberSchema) });

/** `GET /v1/admin/accounts`: a page of accounts ordered by id. */
export const accountPageSchema = z.object({
  accounts: z.array(accountSummarySchema),
  nextAfter: z.string().nullable(),
});

export type AccountTraitsRequest = z.infer<typeof accountTraitsRequestSchema>;
export type AccountSummary = z.infer<typeof accountSummarySchema>;
export type AccountMember = z.infer<typeof accountMemberSchema>;
export type AccountDetail = z.infer<typeof accountDetailSchema>;
export type AccountPage = z.infer<typeof accountPageSchema>;
