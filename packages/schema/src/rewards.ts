import { z } from 'zod';
import { slugSchema } from './checklist.js';
import { accountIdSchema, eventNameSchema, messageIdSchema } from './event.js';
import { propertiesSchema } from './json.js';
import { audienceSchema, localeTagSchema } from './targeting.js';

/**
 * Rewards: a points ledger the server alone writes. A browser event is a claim, not a
 * fact: rules fed by client events need a verified identity and a cap; everything worth redeeming
 * should come from the host's backend (secret key).
 */

const points = z.number().int('points must be a whole number').positive('points must be greater than 0').max(1_000_000);
const propertyFilter = z.record(z.string().min(1).max(200), z.union([z.string().max(1_000), z.number(), z.boolean(), z.null()]));
const text = (max: number) => z.string().min(1, 'must not be empty').max(max);

/** What triggers an earning rule. Built-in sources are reported by Hearth's own features on the server. */
export const earningTriggerSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('event'),
    event: eventNameSchema,
    /** Every entry must equal the event's top-level property. */
    where: propertyFilter.optional(),
    /**
     * `server`: only events the host's backend sends with the secret key (the default).
     * `client`: browser events too, but only from a verified identity, and the rule needs a cap.
     */
    source: z.enum(['server', 'client']).default('server'),
  }),
  /** A checklist item turned done (as the server computes progress); absent `itemId`: any item. */
  z.object({ type: z.literal('checklistItem'), checklistId: slugSchema, itemId: slugSchema.optional() }),
  /** A whole checklist completed; absent `checklistId`: any checklist. */
  z.object({ type: z.literal('checklistComplete'), checklistId: slugSchema.optional() }),
  /** A survey answered; absent `surveyId`: any survey. */
  z.object({ type: z.literal('surveyAnswered'), surveyId: slugSchema.optional() }),
]);

/** Rolling windows (24 h, 7 × 24 h, 30 × 24 h), never calendar periods: no time-zone surprises. */
export const earningCapsSchema = z.object({
  oncePerUser: z.boolean().default(false),
  perDay: z.number().int().min(1).optional(),
  perWeek: z.number().int().min(1).optional(),
  perMonth: z.number().int().min(1).optional(),
});

export const earningRuleSchema = z
  .object({
    id: slugSchema,
    /** Shown to the user in "ways to earn" and in their history. */
    title: text(200),
    description: z.string().max(1_000).optional(),
    on: earningTriggerSchema,
    points,
    caps: earningCapsSchema.default({ oncePerUser: false }),
    /** Who may earn; absent means everyone. */
    audience: audienceSchema.optional(),
    /** Hidden rules still award, but are not listed in "ways to earn". */
    hidden: z.boolean().default(false),
  })
  .superRefine((rule, ctx) => {
    const { caps } = rule;
    const capped = caps.oncePerUser || caps.perDay !== undefined || caps.perWeek !== undefined || caps.perMonth !== undefined;
    if (rule.on.type === 'event' && rule.on.source === 'client' && !capped) {
      ctx.addIssue({
        code: 'custom',
        path: ['caps'],
        message: 'a rule fed by client events needs a cap (oncePerUser, perDay, perWeek or perMonth)',
      });
    }
  });

/** When a badge unlocks. `rule` counts ledger entries (server-decided); `event` counts verified events. */
export const badgeUnlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rule'), ruleId: slugSchema, count: z.number().int().min(1) }),
  z.object({ type: z.literal('lifetimePoints'), min: points }),
  z.object({ type: z.literal('event'), event: eventNameSchema, where: propertyFilter.optional(), count: z.number().int().min(1) }),
]);

export const badgeSchema = z.object({
  id: slugSchema,
  name: text(100),
  description: z.string().max(1_000).optional(),
  unlock: badgeUnlockSchema,
});

/** A tier holds from `minPoints` lifetime points (earned, never reduced by spending) up to the next. */
export const tierSchema = z.object({
  id: slugSchema,
  name: text(100),
  minPoints: z.number().int().nonnegative(),
  perks: z.array(text(200)).max(20).default([]),
});

export const catalogItemSchema = z.object({
  id: slugSchema,
  name: text(200),
  description: z.string().max(1_000).optional(),
  cost: points,
  /** Redemptions allowed across all users (failed ones give theirs back); absent: unlimited. */
  stock: z.number().int().nonnegative().optional(),
  perUserLimit: z.number().int().min(1).optional(),
  audience: audienceSchema.optional(),
});

export const referralProgramSchema = z.object({
  /** The referred user's event (server-verified) that converts the referral. */
  qualifyingEvent: eventNameSchema,
  referrerPoints: points,
  referredPoints: points,
  /** The link shown to users; `{code}` is replaced by their referral code. */
  linkTemplate: z
    .string()
    .max(2_048)
    .refine((url) => /^https?:\/\//i.test(url) && url.includes('{code}'), 'linkTemplate must be an http(s) URL containing {code}'),
});

const longText = z.string().max(1_000).optional();

/**
 * The program's user-facing texts in one more locale, by entry id; any text left out shows as
 * written in the program. The collector picks the user's locale (exact tag, then language).
 */
export const rewardsTranslationSchema = z.object({
  rules: z.record(slugSchema, z.object({ title: text(200).optional(), description: longText })).default({}),
  badges: z.record(slugSchema, z.object({ name: text(100).optional(), description: longText })).default({}),
  tiers: z.record(slugSchema, z.object({ name: text(100).optional(), perks: z.array(text(200)).max(20).optional() })).default({}),
  catalog: z.record(slugSchema, z.object({ name: text(200).optional(), description: longText })).default({}),
});

export const rewardsConfigSchema = z
  .object({
    rules: z.array(earningRuleSchema).max(200).default([]),
    badges: z.array(badgeSchema).max(200).default([]),
    tiers: z.array(tierSchema).max(20).default([]),
    catalog: z.array(catalogItemSchema).max(500).default([]),
    referral: referralProgramSchema.optional(),
    /** Points expire this many 30-day months after they were earned, oldest first. */
    expiryMonths: z.number().int().min(1).max(120).optional(),
    /** Where Hearth POSTs new redemptions (signed with the project's first secret key). */
    fulfilmentWebhookUrl: z.url({ protocol: /^https?$/ }).optional(),
    /**
     * A randomized holdout: this share of verified users (0.1–50 %), chosen by the targeting
     * engine's stable sampling, never sees the program and earns nothing from its rules, so its
     * figures measure what the program causes. Absent: off, everyone is exposed.
     * `unit: 'account'` samples accounts instead, so a whole company is held out together: a user
     * is held out when any account they belong to is, and a user in no account is exposed.
     */
    holdout: z
      .object({
        percent: z.number().min(0.1).max(50),
        unit: z.enum(['user', 'account']).default('user'),
      })
      .optional(),
    /** What one point is worth in the project's currency (e.g. 0.01), for the points liability. */
    pointValue: z.number().nonnegative().max(1_000_000).optional(),
    /** Rule, badge, tier and catalog texts in other locales (`{ ar: { catalog: { mug: { name } } } }`). */
    translations: z.record(localeTagSchema, rewardsTranslationSchema).default({}),
  })
  .superRefine((config, ctx) => {
    for (const [locale, translation] of Object.entries(config.translations)) {
      for (const field of ['rules', 'badges', 'tiers', 'catalog'] as const) {
        const ids = new Set(config[field].map((entry) => entry.id));
        for (const id of Object.keys(translation[field])) {
          if (!ids.has(id))
            ctx.addIssue({ code: 'custom', path: ['translations', locale, field, id], message: `no ${field} entry "${id}"` });
        }
      }
    }
    for (const field of ['rules', 'badges', 'tiers', 'catalog'] as const) {
      const seen = new Set<string>();
      config[field].forEach((entry, index) => {
        if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: [field, index, 'id'], message: `duplicate id "${entry.id}"` });
        seen.add(entry.id);
      });
    }
    const ruleIds = new Set(config.rules.map((rule) => rule.id));
    config.badges.forEach((badge, index) => {
      if (badge.unlock.type === 'rule' && !ruleIds.has(badge.unlock.ruleId)) {
        ctx.addIssue({ code: 'custom', path: ['badges', index, 'unlock', 'ruleId'], message: `no rule "${badge.unlock.ruleId}"` });
      }
    });
  })
  .describe('The rewards program of one project: earning rules, badges, tiers, catalog, referrals.');

const idempotencyKey = z
  .string()
  .min(1, 'idempotencyKey must not be empty')
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'idempotencyKey must be printable ASCII without spaces');
const userId = z.string().min(1).max(128);

/** `POST /v1/server/events`: events the host's backend vouches for. */
export const serverEventsRequestSchema = z.object({
  events: z
    .array(
      z.object({
        /** The host's own id for the event: a retry with the same id is stored once. */
        id: messageIdSchema,
        userId,
        name: eventNameSchema,
        properties: propertiesSchema.optional(),
        timestamp: z.iso.datetime({ offset: true }).optional(),
        accountId: accountIdSchema
          .optional()
          .describe("The account the user acted in; the user becomes its member. Absent: the user's active account."),
      }),
    )
    .min(1, 'events needs at least one event')
    .max(500),
});

/**
 * `PUT /v1/server/users/{userId}/traits`: the traits the host's backend vouches for (plan, role, …).
 * They replace the user's trusted traits as a whole; rewards audiences read only these, never the
 * traits a browser sends with `identify`.
 */
export const trustedTraitsRequestSchema = z.object({
  traits: propertiesSchema.describe('The complete set of trusted traits; replaces the previous set.'),
});

/** `POST /v1/server/points`: award (+) or adjust (−) with the caller's idempotency key. */
export const pointsRequestSchema = z.object({
  idempotencyKey,
  userId,
  amount: z
    .number()
    .int('amount must be a whole number')
    .refine((n) => n !== 0, 'amount must not be 0')
    .refine((n) => Math.abs(n) <= 1_000_000, 'amount must be within ±1000000'),
  reason: text(200),
});

/** `POST /v1/server/redemptions/{id}/failed`. */
export const redemptionFailureSchema = z.object({ reason: text(500).optional() });

/** `POST /v1/server/referrals`: the host's backend reports a signup that came with a referral code. */
export const referralAttachSchema = z.object({ userId, code: z.string().min(4).max(32) });

/** `POST /v1/rewards/redeem?key=…` from the browser; the token proves the user. */
export const redeemRequestSchema = z.object({
  userId,
  userToken: z.string().min(1).max(4_096),
  itemId: slugSchema,
  /** Generated once per confirm click, so a retried request redeems once. */
  requestId: idempotencyKey,
});

export const ledgerEntrySchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  reason: z.string(),
  ruleId: z.string().nullable(),
  at: z.string(),
});

export const redemptionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  itemId: z.string(),
  cost: z.number().int(),
  status: z.enum(['pending', 'fulfilled', 'failed']),
  createdAt: z.string(),
  settledAt: z.string().nullable(),
});

/** What the rewards widget renders for one verified user: their own numbers, no other user's. */
export const rewardsStateSchema = z.object({
  balance: z.number().int().nonnegative(),
  lifetime: z.number().int().nonnegative(),
  tier: z.object({ id: z.string(), name: z.string(), minPoints: z.number().int(), perks: z.array(z.string()) }).nullable(),
  nextTier: z.object({ id: z.string(), name: z.string(), minPoints: z.number().int() }).nullable(),
  badges: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string().optional(),
      earned: z.boolean(),
      count: z.number().int(),
      target: z.number().int(),
    }),
  ),
  waysToEarn: z.array(
    z.object({ id: z.string(), title: z.string(), description: z.string().optional(), points: z.number().int(), done: z.boolean() }),
  ),
  history: z.array(ledgerEntrySchema.omit({ ruleId: true })),
  catalog: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      description: z.string().optional(),
      cost: z.number().int(),
      /** Why it cannot be redeemed now; absent when it can. */
      blocked: z.enum(['points', 'stock', 'limit']).optional(),
    }),
  ),
  referral: z.object({ code: z.string(), link: z.string() }).nullable(),
});

export type EarningTrigger = z.infer<typeof earningTriggerSchema>;
export type EarningCaps = z.infer<typeof earningCapsSchema>;
export type EarningRule = z.infer<typeof earningRuleSchema>;
export type BadgeUnlock = z.infer<typeof badgeUnlockSchema>;
export type Badge = z.infer<typeof badgeSchema>;
export type Tier = z.infer<typeof tierSchema>;
export type CatalogItem = z.infer<typeof catalogItemSchema>;
export type RewardsTranslation = z.infer<typeof rewardsTranslationSchema>;
export type ReferralProgram = z.infer<typeof referralProgramSchema>;
export type RewardsConfig = z.infer<typeof rewardsConfigSchema>;
export type RewardsConfigInput = z.input<typeof rewardsConfigSchema>;
export type ServerEventsRequest = z.infer<typeof serverEventsRequestSchema>;
export type PointsRequest = z.infer<typeof pointsRequestSchema>;
export type RedeemRequest = z.infer<typeof redeemRequestSchema>;
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type Redemption = z.infer<typeof redemptionSchema>;
export type RewardsState = z.infer<typeof rewardsStateSchema>;
