import { z } from 'zod';
import { announcementsStateSchema } from './announcement.js';
import { checklistActionSchema, slugSchema } from './checklist.js';
import { rewardsStateSchema } from './rewards.js';
import { surveyStateShape } from './survey.js';
import { localeTagSchema, triggerSchema } from './targeting.js';
import { themeSchema } from './theme.js';

/**
 * `GET /v1/state`: exactly the prompts this user should see now, already localized, with progress.
 * Deliberately free of audiences, schedules, frequency rules, completion conditions and other
 * locales, so nothing about other users' targeting reaches the browser.
 */

const statePromptBase = {
  id: slugSchema,
  triggers: z.array(triggerSchema),
  interrupting: z.boolean(),
  /** The locale the texts are in (the user's, or the prompt's default as fallback). */
  locale: localeTagSchema,
};

export const checklistItemStateSchema = z.object({
  id: slugSchema,
  title: z.string(),
  description: z.string().optional(),
  action: checklistActionSchema.optional(),
  optional: z.boolean(),
  points: z.number().int().nonnegative().optional(),
  done: z.boolean(),
  /** Only optional items can be skipped. */
  skipped: z.boolean(),
});

export const checklistProgressSchema = z.object({
  /** Items done (skipped items are not counted as done). */
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Every item is done, or optional and skipped. */
  complete: z.boolean(),
});

export const checklistStateSchema = z.object({
  ...statePromptBase,
  kind: z.literal('checklist'),
  title: z.string(),
  description: z.string().optional(),
  dismissible: z.boolean(),
  /**
   * From `content.hideWhenComplete`: the widget celebrates, then hides the checklist once every item
   * is settled. Optional until the collector sends it.
   */
  hideWhenComplete: z.boolean().optional(),
  items: z.array(checklistItemStateSchema),
  progress: checklistProgressSchema,
});

/** A survey for one user: the cycle to answer, texts in `locale`; no cadence or audience. */
export const surveyStateSchema = z.object({
  ...statePromptBase,
  kind: z.literal('survey'),
  ...surveyStateShape,
});

export const statePromptSchema = z.discriminatedUnion('kind', [checklistStateSchema, surveyStateSchema]);

export const userStateSchema = z.object({
  prompts: z.array(statePromptSchema),
  /** What's new; absent when the project has no announcements. */
  announcements: announcementsStateSchema.optional(),
  /** The user's points, tier, badges and catalog; verified users of a project with a rewards program only. */
  rewards: rewardsStateSchema.nullable().optional(),
  /** The project's widget theme; the host's `init({ theme })` wins field by field. Absent when the project sets none. */
  theme: themeSchema.optional(),
});

export type ChecklistItemState = z.infer<typeof checklistItemStateSchema>;
export type ChecklistProgress = z.infer<typeof checklistProgressSchema>;
export type ChecklistState = z.infer<typeof checklistStateSchema>;
export type SurveyState = z.infer<typeof surveyStateSchema>;
export type StatePrompt = z.infer<typeof statePromptSchema>;
export type UserState = z.infer<typeof userStateSchema>;
