import { surveyPromptSchema, type AudienceRule, type NpsGroup, type SurveyCadence, type SurveyPrompt } from '@hearth/schema';
import { fromAudience, toAudience, type AudienceDraft } from './audience-builder.js';
import { numberInput, numberText, optionalText } from './date-input.js';
import { envelopeFromPrompt, newEnvelope, toEnvelopeInput, type EnvelopeDraft } from './envelope-draft.js';
import type { FieldErrors } from './field-errors.js';
import { checkForm } from './form-check.js';
import { draftFromTranslations, toTranslations, type TranslatableField, type TranslationDraft } from './translations.js';

export type SurveyType = 'nps' | 'cli' | 'csat';
export const NPS_GROUPS: readonly NpsGroup[] = ['promoter', 'passive', 'detractor'];
const CADENCE_KEYS = ['reaskAfterDays', 'snoozeDays', 'maxAsks', 'periodDays', 'minDaysBetweenAsks'] as const;
export type CadenceKey = (typeof CADENCE_KEYS)[number];

export interface SurveyDraft {
  id: string;
  name: string;
  type: SurveyType;
  /** NPS: fills `{product}`. */
  product: string;
  /** NPS (optional) and CSAT (required). */
  question: string;
  /** CLI: 2–4 questions rated 1–10. */
  questions: { id: string; text: string }[];
  /** NPS only: a follow-up per group instead of one for everyone. */
  followUpPerGroup: boolean;
  followUp: string;
  followUpByGroup: Record<NpsGroup, string>;
  comment: boolean;
  lowLabel: string;
  highLabel: string;
  thankYou: string;
  display: 'corner' | 'modal';
  askLater: boolean;
  dismissible: boolean;
  cadence: Record<CadenceKey, string>;
  points: string;
  defaultLocale: string;
  translations: TranslationDraft;
  envelope: EnvelopeDraft;
  audience: AudienceDraft | null;
  /** The loaded prompt, whose fields the form does not show (spread, status…) are kept. */
  base: SurveyPrompt | null;
}

const DEFAULT_CADENCE: SurveyCadence = { reaskAfterDays: 90, snoozeDays: 7, maxAsks: 3, periodDays: 90, minDaysBetweenAsks: 7 };
const cadenceText = (cadence: SurveyCadence) =>
  Object.fromEntries(CADENCE_KEYS.map((key) => [key, String(cadence[key])])) as Record<CadenceKey, string>;

export function newSurveyDraft(type: SurveyType = 'nps'): SurveyDraft {
  return {
    id: '',
    name: '',
    type,
    product: '',
    question: '',
    questions: [
      { id: 'q1', text: '' },
      { id: 'q2', text: '' },
    ],
    followUpPerGroup: false,
    followUp: '',
    followUpByGroup: { promoter: '', passive: '', detractor: '' },
    comment: true,
    lowLabel: '',
    highLabel: '',
    thankYou: '',
    display: 'corner',
    askLater: true,
    dismissible: true,
    cadence: cadenceText(DEFAULT_CADENCE),
    points: '',
    defaultLocale: 'en',
    translations: {},
    envelope: newEnvelope({ stopAfterDismiss: false, stopAfterComplete: false }),
    audience: { match: 'all', rows: [] },
    base: null,
  };
}

export function draftFromSurvey(prompt: SurveyPrompt): SurveyDraft {
  const { content } = prompt;
  const followUp = content.followUp;
  const byGroup = typeof followUp === 'object' ? followUp : {};
  return {
    ...newSurveyDraft(content.type),
    id: prompt.id,
    name: prompt.name ?? '',
    product: content.type === 'nps' ? content.product : '',
    question: content.type === 'cli' ? '' : (content.question ?? ''),
    questions: content.type === 'cli' ? content.questions.map((q) => ({ ...q })) : newSurveyDraft().questions,
    followUpPerGroup: typeof followUp === 'object',
    followUp: typeof followUp === 'string' ? followUp : '',
    followUpByGroup: { promoter: byGroup.promoter ?? '', passive: byGroup.passive ?? '', detractor: byGroup.detractor ?? '' },
    comment: content.comment,
    lowLabel: content.lowLabel ?? '',
    highLabel: content.highLabel ?? '',
    thankYou: content.thankYou ?? '',
    display: prompt.display,
    askLater: prompt.askLater,
    dismissible: prompt.dismissible,
    cadence: cadenceText(prompt.cadence),
    points: numberText(prompt.points),
    defaultLocale: prompt.defaultLocale,
    translations: draftFromTranslations(prompt.translations),
    envelope: envelopeFromPrompt(prompt),
    audience: fromAudience(prompt.audience as AudienceRule | undefined),
    base: prompt,
  };
}

const groupFollowUp = (draft: SurveyDraft) => draft.type === 'nps' && draft.followUpPerGroup;

/** What can be translated, with its default-locale text, for this survey's type and follow-up mode. */
export function surveyTranslatableFields(draft: SurveyDraft): TranslatableField[] {
  const fields: TranslatableField[] = [];
  if (draft.type === 'nps') fields.push({ key: 'product', label: 'Product name', source: draft.product });
  if (draft.type === 'cli')
    fields.push(...draft.questions.map((q, i) => ({ key: `questions.${q.id}`, label: `Question ${i + 1}`, source: q.text })));
  else fields.push({ key: 'question', label: 'Question', source: draft.question });
  if (groupFollowUp(draft))
    fields.push(
      ...NPS_GROUPS.map((group) => ({ key: `followUp.${group}`, label: `Follow-up (${group}s)`, source: draft.followUpByGroup[group] })),
    );
  else fields.push({ key: 'followUp', label: 'Follow-up question', source: draft.followUp });
  fields.push(
    { key: 'lowLabel', label: 'Lowest-score label', source: draft.lowLabel },
    { key: 'highLabel', label: 'Highest-score label', source: draft.highLabel },
    { key: 'thankYou', label: 'Thank-you', source: draft.thankYou },
  );
  return fields;
}

function contentInput(draft: SurveyDraft): Record<string, unknown> {
  const shared = {
    comment: draft.comment,
    lowLabel: optionalText(draft.lowLabel),
    highLabel: optionalText(draft.highLabel),
    thankYou: optionalText(draft.thankYou),
  };
  const byGroup = Object.fromEntries(
    NPS_GROUPS.flatMap((group) => (draft.followUpByGroup[group].trim() ? [[group, draft.followUpByGroup[group]]] : [])),
  );
  const followUp = groupFollowUp(draft) ? byGroup : optionalText(draft.followUp);
  switch (draft.type) {
    case 'nps':
      return { type: 'nps', product: draft.product, question: optionalText(draft.question), followUp, ...shared };
    case 'cli':
      return { type: 'cli', questions: draft.questions, followUp, ...shared };
    case 'csat':
      return { type: 'csat', question: draft.question, followUp, ...shared };
  }
}

/** The prompt the API receives: the loaded prompt with the form's fields laid over it. */
export function toSurveyInput(draft: SurveyDraft): Record<string, unknown> {
  const { audience: _old, ...rest } = draft.base ?? {};
  const audience = draft.audience ? toAudience(draft.audience) : draft.base?.audience;
  const points = numberInput(draft.points);
  return {
    ...rest,
    kind: 'survey',
    id: draft.id,
    name: optionalText(draft.name),
    content: contentInput(draft),
    display: draft.display,
    askLater: draft.askLater,
    dismissible: draft.dismissible,
    cadence: Object.fromEntries(CADENCE_KEYS.map((key) => [key, numberInput(draft.cadence[key]) ?? ''])),
    ...(points === undefined ? { points: undefined } : { points }),
    defaultLocale: draft.defaultLocale,
    translations: toTranslations(draft.translations, surveyTranslatableFields(draft)),
    ...toEnvelopeInput(draft.envelope),
    ...(audience === undefined ? {} : { audience }),
  };
}

/** Field errors from surveyPromptSchema (what the collector runs) plus the targeting rows' errors. */
export function checkSurveyDraft(draft: SurveyDraft): { ok: boolean; errors: FieldErrors; prompt: Record<string, unknown> } {
  const prompt = toSurveyInput(draft);
  return { ...checkForm(surveyPromptSchema, prompt, draft.audience), prompt };
}
