import { z } from 'zod';
import { slugSchema } from './checklist.js';
import { localeTagSchema } from './targeting.js';

/**
 * Surveys: NPS, Customer Loyalty Index and CSAT. This file holds the survey-specific
 * parts; `prompt.ts` composes them into `surveyPromptSchema`, `state.ts` into `surveyStateSchema`.
 * Texts left out fall back to the widget's catalog in the user's locale (the standard NPS question,
 * scale labels, a generic follow-up, the thank-you), so one survey serves every language.
 */

const text = z.string().min(1, 'text must not be empty').max(500);

/** The NPS groups of docs/reference/kpi-definitions.md: promoters 9–10, passives 7–8, detractors 0–6. */
export const npsGroupSchema = z.enum(['promoter', 'passive', 'detractor']);

/** One follow-up question for everyone, or (NPS only) one per group; missing groups use the generic one. */
const followUpByGroup = z.object({ promoter: text.optional(), passive: text.optional(), detractor: text.optional() });
const followUp = z.union([text, followUpByGroup]);

const sharedTexts = {
  /** Label under the lowest score. */
  lowLabel: text.optional(),
  /** Label under the highest score. */
  highLabel: text.optional(),
  thankYou: text.optional(),
};

/** Asks the open follow-up question after the score. */
const comment = z.boolean().default(true);

export const cliQuestionSchema = z.object({ id: slugSchema, text });

/** What is asked, per survey type, in the prompt's default locale. */
export const surveyContentSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('nps'),
    /** Fills `{product}` in the question; the default question is the standard NPS wording. */
    product: z.string().min(1, 'product must not be empty').max(100),
    question: text.optional().describe('May contain `{product}`. Default: the standard NPS question.'),
    followUp: followUp.optional(),
    comment,
    ...sharedTexts,
  }),
  z.object({
    type: z.literal('cli'),
    /** Each rated 1–10; CLI = mean rating × 10. */
    questions: z.array(cliQuestionSchema).min(2, 'a CLI survey needs 2–4 questions').max(4, 'a CLI survey needs 2–4 questions'),
    followUp: text.optional(),
    comment,
    ...sharedTexts,
  }),
  z.object({
    type: z.literal('csat'),
    /** Rated 1–5. */
    question: text,
    followUp: text.optional(),
    comment,
    ...sharedTexts,
  }),
]);

/** Texts for one more locale; anything missing falls back to the default locale's. */
export const surveyTranslationSchema = z.object({
  product: z.string().min(1).max(100).optional(),
  question: text.optional(),
  /** CLI question texts by question id. */
  questions: z.record(slugSchema, text).optional(),
  followUp: followUp.optional(),
  ...sharedTexts,
});

/** A corner card never takes focus from the host page; a modal traps focus and returns it on close. */
export const surveyDisplaySchema = z.enum(['corner', 'modal']);

const days = (name: string) => z.number().positive(`${name} must be greater than 0`).max(3_650, `${name} must be at most 3650`);

/**
 * When a user may be asked (again). Defaults follow what mature tools ship (field notes). All days
 * are rolling 24-hour periods. Checked on the server, so tabs, reloads and devices agree.
 */
export const surveyCadenceSchema = z.object({
  /** After a response, the next cycle opens this many days later. */
  reaskAfterDays: days('reaskAfterDays').default(90),
  /** "Ask me later" hides the survey this long. */
  snoozeDays: days('snoozeDays').default(7),
  /** Asks (displays; a dismissal counts as one) allowed per user within `periodDays`. */
  maxAsks: z.number().int().min(1, 'maxAsks must be at least 1').max(100).default(3),
  periodDays: days('periodDays').default(90),
  /** After an ask left unanswered (ignored or dismissed), wait this long before asking again. */
  minDaysBetweenAsks: z.number().nonnegative('minDaysBetweenAsks must not be negative').max(3_650).default(7),
});

/**
 * Even spread, so responses arrive evenly instead of all on launch day:
 * - `window`: each user gets a stable random offset in `[0, days)` after the survey's
 *   `schedule.startAt` (or their first visit, if later) and is asked only from then on;
 * - `dailyCap`: at most `maxPerDay` users get their first ask of a cycle in any 24 hours.
 */
export const surveySpreadSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('window'), days: days('days') }),
  z.object({ type: z.literal('dailyCap'), maxPerDay: z.number().int().min(1, 'maxPerDay must be at least 1').max(1_000_000) }),
]);

/** The config a survey prompt adds to the prompt envelope (see `surveyPromptSchema`). */
export const surveyShape = {
  content: surveyContentSchema,
  display: surveyDisplaySchema.default('corner'),
  /** Shows "ask me later" (a snooze of `cadence.snoozeDays`). */
  askLater: z.boolean().default(true),
  dismissible: z.boolean().default(true),
  cadence: surveyCadenceSchema.default({ reaskAfterDays: 90, snoozeDays: 7, maxAsks: 3, periodDays: 90, minDaysBetweenAsks: 7 }),
  spread: surveySpreadSchema.optional(),
  /** Points awarded once per cycle for answering; needs the rewards ledger. */
  points: z.number().int().positive('points must be greater than 0').max(1_000_000).optional(),
  translations: z.record(localeTagSchema, surveyTranslationSchema).default({}),
};

type SurveyConfig = z.infer<z.ZodObject<typeof surveyShape>> & { schedule: { startAt?: string } };

/** Cross-field checks of a survey prompt: translations name real questions, the spread has an anchor. */
export function checkSurvey(survey: SurveyConfig, ctx: z.RefinementCtx): void {
  const { content } = survey;
  const questionIds = new Set(content.type === 'cli' ? content.questions.map((q) => q.id) : []);
  if (content.type === 'cli') {
    content.questions.forEach((q, index) => {
      if (content.questions.findIndex((other) => other.id === q.id) !== index) {
        ctx.addIssue({ code: 'custom', path: ['content', 'questions', index, 'id'], message: `duplicate question id "${q.id}"` });
      }
    });
  }
  for (const [locale, t] of Object.entries(survey.translations)) {
    const at = (...path: string[]) => ['translations', locale, ...path];
    for (const id of Object.keys(t.questions ?? {})) {
      if (!questionIds.has(id))
        ctx.addIssue({ code: 'custom', path: at('questions', id), message: `no question "${id}" in content.questions` });
    }
    if (content.type !== 'nps' && t.followUp !== undefined && typeof t.followUp !== 'string') {
      ctx.addIssue({ code: 'custom', path: at('followUp'), message: 'only NPS surveys have a follow-up per group' });
    }
  }
  if (survey.spread?.type === 'window' && !survey.schedule.startAt) {
    ctx.addIssue({ code: 'custom', path: ['spread'], message: 'an eligibility window counts from schedule.startAt: set it' });
  }
}

/**
 * Events the widget tracks for surveys, besides `PROMPT_EVENTS` (`$prompt_shown` is an ask,
 * `$prompt_dismissed` closes one). Properties `{ promptId, kind: 'survey', cycle }`.
 */
export const SURVEY_EVENTS = {
  snoozed: '$survey_snoozed',
} as const;

/** `/v1/state` fields of a survey: texts in the state's one locale, no rules. */
export const surveyStateShape = {
  /** Responses carry it back: one response per user per cycle. */
  cycle: z.number().int().min(1),
  display: surveyDisplaySchema,
  askLater: z.boolean(),
  dismissible: z.boolean(),
  points: z.number().int().positive().optional(),
  content: surveyContentSchema,
};

const npsScore = z.number().int('score must be a whole number').min(0, 'score must be 0–10').max(10, 'score must be 0–10');
const cliScore = z.number().int('score must be a whole number').min(1, 'score must be 1–10').max(10, 'score must be 1–10');

/** The answer, by survey type; a CLI answer may hold only the questions rated so far. */
export const surveyAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('nps'), score: npsScore }),
  z.object({
    type: z.literal('csat'),
    score: z.number().int('score must be a whole number').min(1, 'score must be 1–5').max(5, 'score must be 1–5'),
  }),
  z.object({
    type: z.literal('cli'),
    scores: z.record(slugSchema, cliScore).refine((s) => Object.keys(s).length > 0, 'scores needs at least one question'),
  }),
]);

export const MAX_COMMENT_LENGTH = 5_000;

/**
 * Body of `POST /v1/responses?key=<public key>` (text/plain JSON, like batches). Sent the moment a
 * score is chosen (a partial response counts), and again with the same answer plus the comment:
 * (survey, user, cycle) is the idempotency key, so retries and other tabs never add a second response.
 * The collector snapshots the user's traits at answer time.
 */
export const surveyResponseSchema = z.object({
  surveyId: slugSchema,
  cycle: z.number().int('cycle must be a whole number').min(1, 'cycle must be at least 1'),
  answer: surveyAnswerSchema,
  comment: z.string().trim().max(MAX_COMMENT_LENGTH).optional(),
  anonymousId: z.string().min(1).max(64),
  userId: z.string().min(1).max(128).optional(),
  /** Identity-verification token, as in batches. */
  userToken: z.string().max(4096).optional(),
  /** The locale the survey was answered in. */
  locale: localeTagSchema.optional(),
});

export type NpsGroup = z.infer<typeof npsGroupSchema>;
export type CliQuestion = z.infer<typeof cliQuestionSchema>;
export type SurveyContent = z.infer<typeof surveyContentSchema>;
export type SurveyTranslation = z.infer<typeof surveyTranslationSchema>;
export type SurveyDisplay = z.infer<typeof surveyDisplaySchema>;
export type SurveyCadence = z.infer<typeof surveyCadenceSchema>;
export type SurveySpread = z.infer<typeof surveySpreadSchema>;
export type SurveyAnswer = z.infer<typeof surveyAnswerSchema>;
export type SurveyResponse = z.infer<typeof surveyResponseSchema>;
export type SurveyResponseInput = z.input<typeof surveyResponseSchema>;
