import { z } from 'zod';
import { oidcConfigSchema } from './oidc-config.js';
import { emailServerConfigSchema, projectEmailSchema } from './email.js';
import { fatigueBudgetSchema, promptSchema } from './prompt.js';
import { rewardsConfigSchema } from './rewards.js';
import { projectLocalesSchema, themeSchema } from './theme.js';
import { revenueConfigSchema } from './revenue.js';
import { webhookEndpointSchema } from './webhook.js';

export const publicKeySchema = z.string().regex(/^pk_[A-Za-z0-9_]{8,64}$/, 'public keys look like pk_…');
export const secretKeySchema = z
  .string()
  .regex(/^sk_[A-Za-z0-9_]{16,128}$/, 'secret keys look like sk_… (at least 16 characters after the prefix)');

export const originSchema = z.union([z.literal('*'), z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin)]);

/** Days raw events are kept (a project setting, in the file or changed in the console). */
export const eventRetentionDaysSchema = z
  .number({ error: 'eventRetentionDays must be a number of days' })
  .int('eventRetentionDays must be a whole number of days')
  .min(7, 'eventRetentionDays must be at least 7')
  .max(3650, 'eventRetentionDays must be at most 3650')
  .describe(
    'Days raw events are kept; older ones are deleted in the background. KPI rollups, reward ledgers, survey responses and users are kept. Absent: kept forever.',
  );

/** Days without activity after which a user counts as lost (churn). */
export const inactivityDaysSchema = z
  .number({ error: 'inactivityDays must be a number of days' })
  .int('inactivityDays must be a whole number of days')
  .min(1, 'inactivityDays must be at least 1')
  .max(365, 'inactivityDays must be at most 365');

/** The project's webhook endpoints; ten at most. */
export const webhooksSchema = z.array(webhookEndpointSchema).max(10, 'at most 10 webhook endpoints');

/** One project served by a collector. */
export const projectConfigSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'project ids are lowercase letters, digits and "-"')
      .describe('Stable project id used in storage and admin URLs.'),
    name: z.string().min(1).max(200).describe('Product name shown to end users.'),
    publicKey: publicKeySchema.describe('Key the browser sends; proves nothing about the user.'),
    /** One secret normally; two while rotating (both are accepted). */
    secretKeys: z
      .array(secretKeySchema)
      .min(1)
      .max(2)
      .describe('Server-side secrets: sign identity tokens, call secret-key APIs. Two while rotating.'),
    /** Origins allowed to call the public endpoints; `*` only for development. */
    allowedOrigins: z
      .array(originSchema)
      .default([])
      .describe('Browser origins allowed to call public endpoints; `*` for development only.'),
    identityVerification: z
      .object({
        /**
         * Secure by default: identified calls without a valid `userToken` are rejected unless a
         * project opts out explicitly with `false` (the collector logs a warning at start).
         */
        enforce: z
          .boolean()
          .default(true)
          .describe('Reject identified calls without a valid `userToken`. On unless set to `false` (logged at start).'),
      })
      .default({ enforce: true }),
    /** When true, a browser sending Global Privacy Control counts as consent denied. */
    respectGlobalPrivacyControl: z.boolean().default(false).describe('Treat a browser sending Global Privacy Control as consent denied.'),
    /** Raw events older than this are deleted in the background; absent: kept forever. */
    eventRetentionDays: eventRetentionDaysSchema.optional(),
    /** Days without activity after which a user counts as lost (churn). */
    inactivityDays: inactivityDaysSchema.default(30).describe('Days without activity after which a user counts as lost (churn).'),
    fatigue: fatigueBudgetSchema
      .default({ maxInterruptingPerDay: 1, minDaysBetweenSurveys: 14 })
      .describe('Project-wide cap on interrupting prompts per user, across all prompt types, and the gap between two surveys.'),
    /**
     * Prompts seeded into the store at start-up: inserted when absent, updated while only the file
     * has ever edited them, and never again once the admin API changed them.
     */
    prompts: z
      .array(promptSchema)
      .max(500)
      .default([])
      .superRefine((prompts, ctx) => {
        const seen = new Map<string, number>();
        prompts.forEach((prompt, index) => {
          const first = seen.get(prompt.id);
          if (first !== undefined) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `already used by prompts.${first}` });
          else seen.set(prompt.id, index);
        });
      })
      .describe('Prompts seeded at start-up; never overwrite a prompt edited through the admin API.'),
    theme: themeSchema.default({}).describe("The widget theme sent with `GET /v1/state`; empty means the widget's defaults."),
    locales: projectLocalesSchema.optional().describe("The languages the product is offered in; absent means each prompt's own default."),
    /** Rewards: absent means the project has no loyalty program. */
    rewards: rewardsConfigSchema.optional(),
    /** Revenue: absent means the project records no revenue (facts and the Stripe receiver are refused). */
    revenue: revenueConfigSchema.optional(),
    allowPrivateWebhookTargets: z
      .boolean()
      .default(false)
      .describe(
        'Let webhooks reach loopback, private, link-local and internal addresses (e.g. a receiver on this host). Off by default; the collector logs a warning at start when on.',
      ),
    /** Survey responses pushed to the team's backend, e.g. detractors for a follow-up. */
    webhooks: webhooksSchema.default([]).describe('Signed webhooks for survey responses (detractors by default).'),
    /** Lifecycle email: absent means the project sends none. */
    email: projectEmailSchema.optional(),
  })
  .describe('One project served by a collector.');

export const rateLimitSchema = z.object({
  /** Sustained requests per second per project. */
  perProjectPerSecond: z.number().positive().default(2_000).describe('Sustained requests per second per project.'),
  /** Sustained requests per second per client address within a project. */
  perClientPerSecond: z.number().positive().default(50).describe('Sustained requests per second per client address within a project.'),
  /** Burst allowance, as seconds of the sustained rate. */
  burstSeconds: z.number().positive().default(2).describe('Burst allowance, as seconds of the sustained rate.'),
});

/**
 * Which reverse proxies in front of the collector are believed about `X-Forwarded-For`. Off by
 * default: the socket's address is the client, and the header is ignored.
 */
export const trustedProxySchema = z
  .object({
    hops: z
      .number()
      .int('trustedProxy.hops must be a whole number')
      .min(0)
      .max(10)
      .default(0)
      .describe(
        'Proxies every request passes through: the client is that many addresses from the right of socket + X-Forwarded-For. Use only when the collector is reachable through them alone.',
      ),
    cidrs: z
      .array(z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()], { error: 'expected an IP address or CIDR, e.g. 10.0.0.0/8' }))
      .max(100)
      .default([])
      .describe('Addresses of trusted proxies: addresses in these ranges are skipped from the right, the first other one is the client.'),
  })
  .describe('Reverse proxies trusted to report the client address in X-Forwarded-For (off by default).');

/** `scrypt$<N>$<r>$<p>$<salt base64url>$<hash base64url>`: see docs/admin-console.md to make one. */
export const adminPasswordHashSchema = z
  .string()
  .regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9_-]{16,}\$[A-Za-z0-9_-]{43,}$/, 'expected scrypt$N$r$p$salt$hash (see docs/admin-console.md)');

/** Who may sign in to the admin console (`/admin`); without any account, sign-in is refused. */
export const adminConfigSchema = z
  .object({
    passwordHash: adminPasswordHashSchema
      .optional()
      .describe("The first owner's password as an scrypt hash; the env var HEARTH_ADMIN_PASSWORD (plain) is used when absent."),
    ownerEmail: z
      .string()
      .trim()
      .min(3)
      .max(254)
      .transform((email) => email.toLowerCase())
      .default('admin@localhost')
      .describe('The email the first owner signs in with (env HEARTH_ADMIN_EMAIL overrides it).'),
    sessionHours: z.number().positive().max(720).default(12).describe('How long a console session lasts.'),
    inviteHours: z.number().positive().max(720).default(72).describe('How long an invitation link can be used.'),
    auditRetentionDays: z
      .number()
      .int('auditRetentionDays must be a whole number of days')
      .min(30, 'auditRetentionDays must be at least 30')
      .max(3_650, 'auditRetentionDays must be at most 3,650')
      .default(365)
      .describe('Audit log entries older than this are deleted by a daily job.'),
    oidc: oidcConfigSchema.optional().describe('Single sign-on through an OpenID Connect provider (off when absent).'),
  })
  .describe("The admin console's accounts and sessions.");

/** The collector's configuration file (`hearth.config.json`). */
export const collectorConfigSchema = z
  .object({
    projects: z.array(projectConfigSchema).min(1, 'configure at least one project'),
    rateLimit: rateLimitSchema.default(rateLimitSchema.parse({})),
    /** Events waiting to be written before the collector sheds load with 503. */
    maxPendingEvents: z
      .number()
      .int()
      .positive()
      .default(50_000)
      .describe('Events waiting to be written before the collector sheds load with 503.'),
    admin: adminConfigSchema.prefault({}).describe("The admin console's accounts and sessions."),
    trustedProxy: trustedProxySchema
      .default({ hops: 0, cidrs: [] })
      .describe('Reverse proxies trusted to report the client address in X-Forwarded-For (off by default).'),
    /** Never taken from a request's Host header: answers built from it may sit in a shared cache. */
    publicUrl: z
      .url({ protocol: /^https?$/ })
      .refine((url) => !/[?#]/.test(url), 'publicUrl must not have a query or fragment')
      .transform((url) => url.replace(/\/*$/, '/'))
      .optional()
      .describe(
        "The URL the collector is reached at (e.g. `https://hearth.example.com/`), used for absolute links in the public changelog and its feed; without it those links are relative to the collector's root.",
      ),
    /** Lifecycle email's SMTP relay; absent means no email leaves the collector. */
    email: emailServerConfigSchema.optional(),
  })
  .describe('The collector configuration file (`hearth.config.json`).');

export type ProjectConfig = z.infer<typeof projectConfigSchema>;
export type CollectorConfig = z.infer<typeof collectorConfigSchema>;
export type CollectorConfigInput = z.input<typeof collectorConfigSchema>;
export type AdminConfig = z.infer<typeof adminConfigSchema>;
export type TrustedProxyConfig = z.infer<typeof trustedProxySchema>;
