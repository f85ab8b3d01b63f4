import { z } from 'zod';
import { checklistContentSchema, checklistTranslationSchema, slugSchema } from './checklist.js';
import { checkSurvey, surveyShape } from './survey.js';
import { audienceSchema, localeTagSchema, triggerSchema } from './targeting.js';

/** `scheduled` is published but waits for `schedule.startAt`; only live/scheduled prompts can show. */
export const promptStatusSchema = z.enum(['draft', 'scheduled', 'live', 'archived']);

const instant = z.iso.datetime({ offset: true, error: 'expected an ISO 8601 date-time with offset' });

/** The window a prompt may show in; `endAt` is exclusive. */
export const scheduleSchema = z
  .object({ startAt: instant.optional(), endAt: instant.optional() })
  .refine((s) => !s.startAt || !s.endAt || Date.parse(s.endAt) > Date.parse(s.startAt), {
    message: 'endAt must be after startAt',
    path: ['endAt'],
  });

/** Per-prompt, per-user display rules, decided on the server so tabs and devices agree. */
export const frequencySchema = z.object({
  /** Stop after this many displays. Absent means no limit. */
  maxDisplays: z.number().int().min(1, 'maxDisplays must be at least 1').optional(),
  /** Wait this many 24-hour periods after a display before showing again. */
  minDaysBetween: z.number().nonnegative('minDaysBetween must not be negative').max(3_650).optional(),
  stopAfterDismiss: z.boolean().default(true),
  stopAfterComplete: z.boolean().default(true),
});

/**
 * Project-wide cap on interrupting prompts (modals, corner surveys) across all prompt kinds, over
 * rolling windows so it does not depend on anyone's time zone. Proposed as `ProjectConfig.fatigue`.
 */
export const fatigueBudgetSchema = z.object({
  /** Interrupting displays allowed per user in any 24 hours; 0 turns interrupting prompts off. */
  maxInterruptingPerDay: z.number().int().nonnegative().max(100).default(1),
  /** Interrupting displays allowed per user in any 7 × 24 hours. Absent means no weekly cap. */
  maxInterruptingPerWeek: z.number().int().nonnegative().max(700).optional(),
  /**
   * After a user was shown one survey, other surveys wait this many 24-hour periods, so two surveys
   * never ask the same person in a row; 0 lets them follow each other. A survey's own re-asks follow
   * its `cadence`.
   */
  minDaysBetweenSurveys: z
    .number({ error: 'minDaysBetweenSurveys must be a number of days' })
    .nonnegative('minDaysBetweenSurveys must not be negative')
    .max(365, 'minDaysBetweenSurveys must be at most 365')
    .default(14),
});

/** Fields every prompt kind shares; a new kind spreads this into its own object. */
export const promptEnvelopeShape = {
  id: slugSchema,
  /** Label for admins; never sent to browsers. */
  name: z.string().max(200).optional(),
  status: promptStatusSchema.default('draft'),
  schedule: scheduleSchema.default({}),
  frequency: frequencySchema.default({ stopAfterDismiss: true, stopAfterComplete: true }),
  /** Who may see it; absent means everyone. */
  audience: audienceSchema.optional(),
  triggers: z
    .array(triggerSchema)
    .min(1, 'triggers needs at least one trigger')
    .max(10)
    .default([{ type: 'load' }]),
  /** Higher wins when the fatigue budget cannot fit every eligible interrupting prompt. */
  priority: z.number().int().min(-1_000).max(1_000).default(0),
  /** Interrupting prompts count against the project's fatigue budget. */
  interrupting: z.boolean().default(false),
  /** The locale `content` is written in; `translations` hold the others. */
  defaultLocale: localeTagSchema.default('en'),
};

function checkScheduled(prompt: { status: string; schedule: { startAt?: string } }, ctx: z.RefinementCtx): void {
  if (prompt.status === 'scheduled' && !prompt.schedule.startAt) {
    ctx.addIssue({ code: 'custom', path: ['schedule', 'startAt'], message: 'a scheduled prompt needs schedule.startAt' });
  }
}

export const checklistPromptSchema = z
  .object({
    ...promptEnvelopeShape,
    kind: z.literal('checklist'),
    /** A checklist's own `content.hideWhenComplete` decides whether finishing hides it. */
    frequency: frequencySchema.default({ stopAfterDismiss: true, stopAfterComplete: false }),
    content: checklistContentSchema,
    translations: z.record(localeTagSchema, checklistTranslationSchema).default({}),
    /**
     * A randomized control group: of the identified users the audience admits, this share
     * (0.1–50 %), drawn by the targeting engine's stable sampling salted with the checklist id, is
     * never shown the checklist, so the checklist KPIs' uplift measures what showing it causes.
     * Each user's group is recorded the first time they are eligible and kept. With a holdout,
     * visitors who have not identified do not see the checklist (their group would change when
     * they do). Absent: off, everyone the audience admits sees it.
     */
    holdout: z
      .object({ percent: z.number().min(0.1, 'holdout.percent must be at least 0.1').max(50, 'holdout.percent must be at most 50') })
      .optional(),
  })
  .superRefine((prompt, ctx) => {
    checkScheduled(prompt, ctx);
    const itemIds = new Set(prompt.content.items.map((item) => item.id));
    for (const [locale, translation] of Object.entries(prompt.translations)) {
      for (const itemId of Object.keys(translation.items ?? {})) {
        if (!itemIds.has(itemId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['translations', locale, 'items', itemId],
            message: `no item "${itemId}" in content.items`,
          });
        }
      }
    }
  });

/** NPS, CLI or CSAT; its own `cadence` decides re-asks, so the envelope's frequency stops nothing by default. */
export const surveyPromptSchema = z
  .object({
    ...promptEnvelopeShape,
    ...surveyShape,
    kind: z.literal('survey'),
    frequency: frequencySchema.default({ stopAfterDismiss: false, stopAfterComplete: false }),
    /** Surveys interrupt (even as a corner card), so they count against the fatigue budget. */
    interrupting: z.boolean().default(true),
  })
  .superRefine((prompt, ctx) => {
    checkScheduled(prompt, ctx);
    checkSurvey(prompt, ctx);
  });

/** Every prompt kind, told apart by `kind`. Announcements and rewards join this union. */
export const promptSchema = z.discriminatedUnion('kind', [checklistPromptSchema, surveyPromptSchema]);

/**
 * Events the widget tracks for every prompt kind, with properties `{ promptId, kind }`; the display
 * history that frequency and fatigue rules read is built from them.
 */
export const PROMPT_EVENTS = {
  shown: '$prompt_shown',
  dismissed: '$prompt_dismissed',
  completed: '$prompt_completed',
} as const;

export type PromptStatus = z.infer<typeof promptStatusSchema>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type Frequency = z.infer<typeof frequencySchema>;
export type FatigueBudget = z.infer<typeof fatigueBudgetSchema>;
export type ChecklistPrompt = z.infer<typeof checklistPromptSchema>;
export type SurveyPrompt = z.infer<typeof surveyPromptSchema>;
export type Prompt = z.infer<typeof promptSchema>;
export type PromptInput = z.input<typeof promptSchema>;
export type PromptKind = Prompt['kind'];
