import { z } from 'zod';
import { propertiesSchema } from './json.js';

/**
 * A client-generated, time-ordered id (ULID-like: 10 chars of time, 16 of randomness).
 * Created once when the event is created; the collector stores each id once per project.
 */
export const messageIdSchema = z
  .string()
  .min(8, 'messageId must be at least 8 characters')
  .max(64, 'messageId must be at most 64 characters')
  .regex(/^[0-9A-Za-z_-]+$/, 'messageId may only contain letters, digits, "_" and "-"')
  .describe('Client-generated, time-ordered id; stored once per project (retries are de-duplicated).');

export const eventNameSchema = z.string().min(1, 'name must not be empty').max(200).describe('What the user did, e.g. `project_created`.');

export const pageContextSchema = z
  .object({
    url: z.string().max(2048).optional(),
    path: z.string().max(2048).optional(),
    title: z.string().max(512).optional(),
    referrer: z.string().max(2048).optional(),
    locale: z.string().max(35).optional(),
  })
  .describe('The page the event happened on.');

/**
 * Bounds on an event's time after clock-skew correction (server events: as sent). Later than
 * `maxFutureMs` past the collector's clock, or earlier than `earliest`, the event is refused: a
 * forged date would otherwise drive `last_seen`, visits and trait order (newest identify wins).
 */
export const EVENT_TIME_LIMITS = {
  maxFutureMs: 5 * 60_000,
  earliest: '2000-01-01T00:00:00.000Z',
} as const;

const baseEvent = {
  messageId: messageIdSchema,
  anonymousId: z.string().min(1).max(64).describe('Browser id; `identify` links it to a user.'),
  userId: z.string().min(1).max(128).nullable().optional().describe('The signed-in user; null or absent while anonymous.'),
  /** Client clock, ISO 8601; the collector corrects it with the batch's `sentAt`. */
  timestamp: z.iso
    .datetime({ offset: true })
    .describe(
      'Client clock; the collector corrects it by (receive time − batch `sentAt`). The corrected time must lie between ' +
        `${EVENT_TIME_LIMITS.earliest} and ${EVENT_TIME_LIMITS.maxFutureMs / 60_000} minutes past the collector's clock.`,
    ),
  context: pageContextSchema.optional(),
};

export const trackEventSchema = z.object({
  ...baseEvent,
  type: z.literal('track'),
  name: eventNameSchema,
  properties: propertiesSchema.optional().describe('Free-form details of the action.'),
});

export const pageEventSchema = z.object({
  ...baseEvent,
  type: z.literal('page'),
  properties: propertiesSchema.optional(),
});

export const identifyEventSchema = z.object({
  ...baseEvent,
  type: z.literal('identify'),
  userId: z.string().min(1).max(128),
  traits: propertiesSchema.optional().describe('Latest known traits of the user (plan, role, …); they replace earlier values key by key.'),
});

/** An account (company, team) id, as the host's backend names it. */
export const accountIdSchema = z
  .string()
  .min(1, 'accountId must not be empty')
  .max(128)
  .describe('The account (company) id, as the host names it.');

/**
 * `Hearth('group', accountId, traits, { groupToken })`: the signed-in user works in this account
 * now. Membership and account traits count only when `groupToken` (an HS256 JWT the host's
 * backend minted: `sub` = userId, `account` = accountId, optional signed `traits`) is valid; the
 * call's own `traits` are what the page says and are kept on the event only.
 */
export const groupEventSchema = z.object({
  ...baseEvent,
  type: z.literal('group'),
  userId: z.string().min(1).max(128),
  accountId: accountIdSchema,
  traits: propertiesSchema
    .optional()
    .describe("What the page says about the account; stored with the event only, never as the account's traits."),
  groupToken: z
    .string()
    .max(4096)
    .optional()
    .describe('HS256 JWT `{ sub: userId, account: accountId, traits?, exp }` minted by the host backend with a project secret.'),
});

/** One thing the end user did, as the widget reports it. */
export const eventSchema = z.discriminatedUnion('type', [trackEventSchema, pageEventSchema, identifyEventSchema, groupEventSchema]);

export type TrackEvent = z.infer<typeof trackEventSchema>;
export type PageEvent = z.infer<typeof pageEventSchema>;
export type IdentifyEvent = z.infer<typeof identifyEventSchema>;
export type GroupEvent = z.infer<typeof groupEventSchema>;
export type HearthEvent = z.infer<typeof eventSchema>;
export type PageContext = z.infer<typeof pageContextSchema>;
