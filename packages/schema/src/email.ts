import { z } from 'zod';
import { slugSchema } from './checklist.js';
import { eventNameSchema } from './event.js';
import { comparisonSchema } from './program-impact.js';
import { audienceSchema, localeTagSchema } from './targeting.js';

/**
 * Lifecycle email: messages to users who are not in the app (the "what's new" digest for the
 * inactive, behavioural onboarding nudges, NPS by email), sent through SMTP from a durable queue.
 */

const hour = z.number().int('hours are whole numbers 0–23').min(0, 'hours are 0–23').max(23, 'hours are 0–23');
const percent = z.number().min(0, 'percent must be 0–100').max(100, 'percent must be 0–100');
const mailbox = z.string().min(3).max(320);

/** The SMTP relay every project sends through (collector-wide). */
export const smtpConfigSchema = z
  .object({
    host: z.string().min(1).max(255).describe('SMTP host.'),
    port: z.number().int().min(1).max(65_535).default(587).describe('SMTP port: 587 (STARTTLS), 465 (TLS) or 25.'),
    secure: z.boolean().default(false).describe('TLS from the first byte (port 465); otherwise STARTTLS when the server offers it.'),
    requireTLS: z.boolean().default(false).describe('Refuse to send unless the connection is upgraded to TLS.'),
    auth: z
      .object({ user: z.string().min(1).max(320), pass: z.string().min(1).max(1_000) })
      .optional()
      .describe('SMTP credentials; absent for a relay that trusts this host.'),
    dkim: z
      .object({
        domainName: z.string().min(1).max(255),
        keySelector: z.string().min(1).max(63),
        privateKey: z.string().min(64, 'dkim.privateKey must be a PEM private key'),
      })
      .optional()
      .describe('DKIM-sign every message with this key (optional: many relays sign for you).'),
  })
  .describe('The SMTP relay the collector sends lifecycle email through.');

/** Collector-wide email settings: the relay and the queue. */
export const emailServerConfigSchema = z
  .object({
    smtp: smtpConfigSchema,
    /** How often the collector plans new sends and works the queue. */
    tickSeconds: z.number().int().min(1).max(3_600).default(60).describe('How often audiences are planned and the queue is worked.'),
    claimLeaseSeconds: z
      .number()
      .int()
      .min(1)
      .max(3_600)
      .default(60)
      .describe('A claimed send whose sender died is claimed again after this long; keep it above the slowest SMTP transaction.'),
  })
  .describe('Lifecycle email: the SMTP relay and how often the queue runs. Absent: no email is sent.');

/** Quiet hours in the user's own time zone (the `timeZone` trait, an IANA name); UTC when unknown. */
export const quietHoursSchema = z
  .object({ start: hour.default(21), end: hour.default(8) })
  .describe("No email is sent from `start` to `end` o'clock in the user's time zone (the window may wrap midnight).");

export const EMAIL_KINDS = ['digest', 'onboarding', 'nps'] as const;
/** Unsubscribe categories: a user stops one without stopping the others. */
export const EMAIL_CATEGORIES = ['product-updates', 'onboarding', 'surveys'] as const;

const text = (max: number) => z.string().max(max);

/** The texts of one locale. `{{user.x | "fallback"}}` placeholders are filled and escaped. */
export const emailContentSchema = z.object({
  subject: text(200).min(1, 'subject must not be empty'),
  /** Markdown, turned into the allowlisted content tree (as announcements are). */
  body: text(20_000).default(''),
  /** The button: its label and where it leads (absolute http(s) or a path on the app's URL). */
  ctaLabel: text(80).optional(),
});

const base = {
  id: slugSchema,
  name: z.string().max(200).optional(),
  /** Only `live` messages are planned and sent; `paused` and `archived` keep their history and figures. */
  status: z.enum(['draft', 'live', 'paused', 'archived']).default('draft'),
  /** Who may get it, on top of the kind's own rule. */
  audience: audienceSchema.optional(),
  defaultLocale: localeTagSchema.default('en'),
  content: emailContentSchema,
  translations: z.record(localeTagSchema, emailContentSchema.partial()).default({}),
  /** Where links back to the product point (`ctaUrl`, relative links). */
  appUrl: z.url({ protocol: /^https?$/ }).optional(),
  ctaUrl: z.string().max(2_048).optional(),
  /** The unsubscribe category it belongs to; the kind's own (`EMAIL_CATEGORY_OF`) when absent. */
  category: z.enum(EMAIL_CATEGORIES).optional(),
  /** This message's holdout share; the project's `holdoutPercent` when absent. */
  holdoutPercent: percent.optional(),
  /** This message's quiet hours; the project's when absent. */
  quietHours: quietHoursSchema.optional(),
};

export const emailMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('digest'),
    /** Days without activity before the digest goes; the project's `inactivityDays` when absent. */
    inactiveDays: z.number().int().min(1).max(365).optional(),
    /** Announcements older than this are not listed, however long the absence. */
    maxAgeDays: z.number().int().min(1).max(365).default(30),
  }),
  z.object({
    ...base,
    kind: z.literal('onboarding'),
    /** "Has not done `event` within `withinDays` of first seen": sent once, after those days. */
    event: eventNameSchema,
    withinDays: z.number().int().min(1).max(365),
  }),
  z.object({
    ...base,
    kind: z.literal('nps'),
    /** The in-app NPS survey whose cycle the email shares: one answer per person per cycle. */
    surveyId: slugSchema,
    /** Users not seen in the app for this long are asked by email instead. */
    unreachedDays: z.number().int().min(1).max(365).default(14),
    /** How long the score links stay valid. */
    linkDays: z.number().int().min(1).max(60).default(14),
  }),
]);

/** A project's email settings. */
export const projectEmailSchema = z
  .object({
    from: mailbox.describe('The From header, e.g. `Acme <news@acme.test>`.'),
    replyTo: mailbox.optional(),
    /** Trusted traits (set with the secret key) that say where to write and that the user agreed to it. */
    addressTrait: z.string().min(1).max(200).default('email').describe('Trusted trait holding the address.'),
    consentTrait: z.string().min(1).max(200).default('emailConsent').describe('Trusted trait that must be `true` before anything is sent.'),
    dailyCap: z.number().int().min(0).max(10_000_000).default(1_000).describe('At most this many emails per project per UTC day.'),
    quietHours: quietHoursSchema.default({ start: 21, end: 8 }),
    holdoutPercent: percent
      .default(10)
      .describe('A stable share of each audience that is not sent the message, to measure reactivation uplift.'),
    /** Seeded into the store at start-up when absent; the console edits them afterwards. */
    messages: z.array(emailMessageSchema).max(100).default([]).describe('Messages seeded at start-up when absent.'),
  })
  .describe("A project's lifecycle email settings; absent means the project sends no email.");

/** A message as stored, with who changed it last. */
export const emailMessageRecordSchema = z.object({
  message: emailMessageSchema,
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const emailPreviewRequestSchema = z.object({
  message: emailMessageSchema,
  userId: z.string().min(1).max(128),
});

export const emailTestSendRequestSchema = emailPreviewRequestSchema.extend({
  to: z.email({ error: 'to must be an email address' }).max(320),
});

export const emailPreviewSchema = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** Why this user would not get the message now (empty when they would). */
  wouldNotSend: z.array(z.string()),
});

/** `POST /v1/server/email/bounces`: a bounce notice from the relay or the host's mail provider. */
export const emailBounceSchema = z.object({
  /** The address that bounced. */
  email: z.email({ error: 'email must be an address' }).max(320),
  type: z.enum(['hard', 'soft', 'complaint']),
  /** The Message-ID of the bounced message, when the notice carries it. */
  messageId: z.string().max(998).optional(),
  reason: z.string().max(1_000).optional(),
});

/** One row of `GET /v1/admin/email/sends`: a planned send and what became of it. */
export const emailSendSchema = z.object({
  sendId: z.string(),
  messageId: z.string(),
  userId: z.string(),
  status: z.enum(['queued', 'sending', 'sent', 'failed', 'holdout']),
  to: z.string().nullable(),
  attempts: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  clicked: z.boolean(),
  bounced: z.boolean(),
  unsubscribed: z.boolean(),
});
export const emailSendsAnswerSchema = z.object({ sends: z.array(emailSendSchema) });

export const emailKpisSchema = z.object({
  messageId: slugSchema,
  sent: z.number().int(),
  delivered: z.number().int(),
  bounced: z.number().int(),
  failed: z.number().int(),
  queued: z.number().int(),
  unsubscribed: z.number().int(),
  clicked: z.number().int(),
  /** Sent users active again within 7 days of the send. */
  reactivated: z.number().int(),
  holdout: z.number().int(),
  holdoutReactivated: z.number().int(),
  /** Reactivation of the delivered minus the holdout's, in percentage points, with a 95 % (Newcombe) interval. */
  uplift: comparisonSchema,
});

export type SmtpConfig = z.infer<typeof smtpConfigSchema>;
export type EmailServerConfig = z.infer<typeof emailServerConfigSchema>;
export type ProjectEmail = z.infer<typeof projectEmailSchema>;
export type EmailKind = (typeof EMAIL_KINDS)[number];
export type EmailCategory = (typeof EMAIL_CATEGORIES)[number];
export type EmailContent = z.infer<typeof emailContentSchema>;
export type EmailMessage = z.infer<typeof emailMessageSchema>;
export type EmailMessageInput = z.input<typeof emailMessageSchema>;
export type EmailMessageRecord = z.infer<typeof emailMessageRecordSchema>;
export type EmailPreview = z.infer<typeof emailPreviewSchema>;
export type EmailBounce = z.infer<typeof emailBounceSchema>;
export type EmailKpis = z.infer<typeof emailKpisSchema>;
export type EmailSend = z.infer<typeof emailSendSchema>;

/** Which unsubscribe category a message kind belongs to. */
export const EMAIL_CATEGORY_OF: Readonly<Record<EmailKind, EmailCategory>> = {
  digest: 'product-updates',
  onboarding: 'onboarding',
  nps: 'surveys',
};

/** The category a message is sent (and unsubscribed) under: its own, else its kind's. */
export const emailCategoryOf = (message: Pick<EmailMessage, 'kind' | 'category'>): EmailCategory =>
  message.category ?? EMAIL_CATEGORY_OF[message.kind];
