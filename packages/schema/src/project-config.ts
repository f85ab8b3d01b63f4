import { z } from 'zod';

export const publicKeySchema = z.string().regex(/^pk_[A-Za-z0-9_]{8,64}$/, 'public keys look like pk_…');
export const secretKeySchema = z.string().regex(/^sk_[A-Za-z0-9_]{16,128}$/, 'secret keys look like sk_… (at least 16 characters after the prefix)');

export const originSchema = z.union([
  z.literal('*'),
  z.url({ protocol: /^https?$/ }).transform((url) => new URL(url).origin),
]);

/** One project served by a collector. */
export const projectConfigSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'project ids are lowercase letters, digits and "-"'),
  name: z.string().min(1).max(200),
  publicKey: publicKeySchema,
  /** One secret normally; two while rotating (both are accepted). */
  secretKeys: z.array(secretKeySchema).min(1).max(2),
  /** Origins allowed to call the public endpoints; `*` only for development. */
  allowedOrigins: z.array(originSchema).default([]),
  identityVerification: z
    .object({
      /** When true, identified calls without a valid `userToken` are rejected. */
      enforce: z.boolean().default(false),
    })
    .default({ enforce: false }),
  /** When true, a browser sending Global Privacy Control counts as consent denied. */
  respectGlobalPrivacyControl: z.boolean().default(false),
  /** Days without activity after which a user counts as lost (churn). */
  inactivityDays: z.number().int().min(1).max(365).default(30),
});

export const rateLimitSchema = z.object({
  /** Sustained requests per second per project. */
  perProjectPerSecond: z.number().positive().default(2_000),
  /** Sustained requests per second per client address within a project. */
  perClientPerSecond: z.number().positive().default(50),
  /** Burst allowance, as seconds of the sustained rate. */
  burstSeconds: z.number().positive().default(2),
});

/** The collector's configuration file (`hearth.config.json`). */
export const collectorConfigSchema = z.object({
  projects: z.array(projectConfigSchema).min(1, 'configure at least one project'),
  rateLimit: rateLimitSchema.default(rateLimitSchema.parse({})),
  /** Events waiting to be written before the collector sheds load with 503. */
  maxPendingEvents: z.number().int().positive().default(50_000),
});

export type ProjectConfig = z.infer<typeof projectConfigSchema>;
export type CollectorConfig = z.infer<typeof collectorConfigSchema>;
export type CollectorConfigInput = z.input<typeof collectorConfigSchema>;
