import { z } from 'zod';
import { announcementInputSchema, announcementTextsSchema } from './announcement.js';
import { promptSchema } from './prompt.js';
import { rewardsConfigSchema } from './rewards.js';

/**
 * The admin API's answers that are not wire formats of their own: records with their version,
 * lists. The OpenAPI document describes the routes with these.
 */

const isoInstant = z.string().describe('ISO 8601 date-time');

/** Who wrote a prompt last: the configuration file (seeding) or the admin API. */
export const promptOriginSchema = z.enum(['config', 'api']);

/** `GET/POST/PUT /v1/admin/prompts…`: a prompt with its version (also its `ETag`). */
export const promptRecordSchema = z.object({
  prompt: promptSchema,
  version: z.number().int().positive(),
  origin: promptOriginSchema,
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

export const promptListSchema = z.object({ prompts: z.array(promptRecordSchema) });

/** `GET /v1/admin/prompts/:id/versions`: every saved version, for history and rollback. */
export const promptVersionListSchema = z.object({
  promptId: z.string(),
  current: z.number().int().positive(),
  versions: z.array(
    z.object({
      version: z.number().int().positive(),
      prompt: promptSchema,
      origin: promptOriginSchema,
      savedAt: isoInstant,
      /** Who saved it (an account's email, `secret-key`), from the audit log; null when it does not say (config seeding, older versions). */
      savedBy: z.string().nullable(),
    }),
  ),
});

/** What a Markdown parse dropped, by field (`content.body`, `translations.ar.body`). */
export const compileWarningSchema = z.object({ path: z.string(), message: z.string() });

/** An announcement as stored: the admin's source plus the compiled texts per locale. */
export const announcementRecordSchema = z.object({
  announcement: announcementInputSchema,
  texts: z.record(z.string(), announcementTextsSchema),
  version: z.number().int().positive(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
});

/** A saved announcement with what its Markdown parse dropped. */
export const announcementSavedSchema = announcementRecordSchema.extend({ warnings: z.array(compileWarningSchema) });

export const announcementListSchema = z.object({ announcements: z.array(announcementRecordSchema) });

/** `GET/PUT /v1/admin/rewards-program`: the program (null: none) and the settings version. */
export const rewardsProgramRecordSchema = z.object({
  program: rewardsConfigSchema.nullable(),
  version: z.number().int().nonnegative(),
  updatedAt: isoInstant.nullable(),
  updatedBy: z.string().nullable(),
});

/** `GET /healthz`. */
export const healthSchema = z.object({
  ok: z.literal(true),
  store: z.enum(['sqlite', 'postgres']),
  pendingEvents: z.number().int().nonnegative(),
  /** The KPI rollups, folded in the background: every event acknowledged more than `lagMs` ago is in them. */
  rollups: z.object({
    lagMs: z.number().int().nonnegative().nullable(),
    error: z.string().nullable(),
    /** Checklist item definitions (an item's event and filter) whose rollup is being built; their KPIs read raw events meanwhile. */
    checklistItemsBuilding: z.number().int().nonnegative(),
  }),
});

/** `GET /readyz` (200 when ready, 503 with the reason otherwise). */
export const readinessSchema = z.object({
  ready: z.boolean(),
  store: z.enum(['sqlite', 'postgres']),
  /** Why this instance should get no traffic: the database is unreachable, or migrations are running. */
  reason: z.string().nullable(),
});

export type PromptRecordAnswer = z.infer<typeof promptRecordSchema>;
export type AnnouncementSaved = z.infer<typeof announcementSavedSchema>;
export type Readiness = z.infer<typeof readinessSchema>;
export type Health = z.infer<typeof healthSchema>;
export type PromptVersionList = z.infer<typeof promptVersionListSchema>;
export type RewardsProgramRecord = z.infer<typeof rewardsProgramRecordSchema>;

/** `GET /v1/admin/vocabulary`: the event names and trait keys the project has received, for the editors' suggestions. */
export const vocabularySchema = z.object({
  events: z.array(z.string()).describe('Tracked event names, most used first'),
  traits: z.array(z.string()).describe('Trait keys of the most recently seen users, by name'),
  accountTraits: z.array(z.string()).describe('Trait keys of the accounts whose traits were set most recently, by name'),
});

/** `POST /v1/admin/prompts/archive`, `/v1/admin/announcements/archive`: archive several at once. */
export const bulkArchiveSchema = z.object({
  ids: z.array(z.string().min(1, 'ids must not contain an empty id')).min(1, 'name at least one id').max(100, 'at most 100 ids at once'),
});

/** What a bulk archive did: archived (or already archived) ids, and ids the project does not have. */
export const bulkArchiveResultSchema = z.object({ archived: z.array(z.string()), notFound: z.array(z.string()) });

export type Vocabulary = z.infer<typeof vocabularySchema>;
export type BulkArchiveResult = z.infer<typeof bulkArchiveResultSchema>;

/** `POST /v1/admin/announcements/preview`: a draft's texts as users would receive them, and what the parse dropped; nothing is stored. */
export const announcementPreviewSchema = z.object({
  texts: z.record(z.string(), announcementTextsSchema),
  warnings: z.array(compileWarningSchema),
});

export type AnnouncementPreview = z.infer<typeof announcementPreviewSchema>;
