import { emailMessageSchema, type AudienceRule, type EmailCategory, type EmailKind, type EmailMessage } from '@hearth/schema';
import { fromAudience, toAudience, type AudienceDraft } from './audience-builder.js';
import { numberText as text, optionalText } from './date-input.js';
import type { FieldErrors } from './field-errors.js';
import { checkForm } from './form-check.js';
import { draftFromTranslations, toTranslations, type TranslatableField, type TranslationDraft } from './translations.js';

/**
 * An email message as its editor holds it: texts and numbers as the inputs show them (an empty
 * number means "the project's setting"), the kind's rule fields all kept so switching kind loses nothing.
 */
export interface EmailDraft {
  id: string;
  name: string;
  kind: EmailKind;
  subject: string;
  /** Markdown, with `{{user.x | "fallback"}}` placeholders. */
  body: string;
  ctaLabel: string;
  ctaUrl: string;
  appUrl: string;
  defaultLocale: string;
  translations: TranslationDraft;
  audience: AudienceDraft | null;
  /** Digest: days away (empty: the project's inactivity threshold) and the oldest announcement listed. */
  inactiveDays: string;
  maxAgeDays: string;
  /** Onboarding: "has not done `event` within `withinDays` of first seen". */
  event: string;
  withinDays: string;
  /** NPS: the in-app survey whose cycle it shares, when a user counts as unreached, how long links last. */
  surveyId: string;
  unreachedDays: string;
  linkDays: string;
  /** Empty: the kind's category. */
  category: EmailCategory | '';
  /** Empty: the project's holdout share. */
  holdoutPercent: string;
  /** Quiet hours of its own, or the project's. */
  ownQuietHours: boolean;
  quietStart: string;
  quietEnd: string;
  /** The loaded message, whose status the form keeps. */
  base: EmailMessage | null;
}

export function newEmailDraft(kind: EmailKind = 'digest'): EmailDraft {
  return {
    id: '',
    name: '',
    kind,
    subject: '',
    body: '',
    ctaLabel: '',
    ctaUrl: '',
    appUrl: '',
    defaultLocale: 'en',
    translations: {},
    audience: { match: 'all', rows: [] },
    inactiveDays: '',
    maxAgeDays: '30',
    event: '',
    withinDays: '7',
    surveyId: '',
    unreachedDays: '14',
    linkDays: '14',
    category: '',
    holdoutPercent: '',
    ownQuietHours: false,
    quietStart: '21',
    quietEnd: '8',
    base: null,
  };
}

export function draftFromEmail(m: EmailMessage): EmailDraft {
  const fresh = newEmailDraft(m.kind);
  return {
    ...fresh,
    id: m.id,
    name: m.name ?? '',
    subject: m.content.subject,
    body: m.content.body,
    ctaLabel: m.content.ctaLabel ?? '',
    ctaUrl: m.ctaUrl ?? '',
    appUrl: m.appUrl ?? '',
    defaultLocale: m.defaultLocale,
    translations: draftFromTranslations(m.translations),
    audience: fromAudience(m.audience as AudienceRule | undefined),
    ...(m.kind === 'digest' ? { inactiveDays: text(m.inactiveDays), maxAgeDays: text(m.maxAgeDays) } : {}),
    ...(m.kind === 'onboarding' ? { event: m.event, withinDays: text(m.withinDays) } : {}),
    ...(m.kind === 'nps' ? { surveyId: m.surveyId, unreachedDays: text(m.unreachedDays), linkDays: text(m.linkDays) } : {}),
    category: m.category ?? '',
    holdoutPercent: text(m.holdoutPercent),
    ownQuietHours: m.quietHours !== undefined,
    quietStart: text(m.quietHours?.start ?? 21),
    quietEnd: text(m.quietHours?.end ?? 8),
    base: m,
  };
}

export function emailTranslatableFields(draft: EmailDraft): TranslatableField[] {
  return [
    { key: 'subject', label: 'Subject', source: draft.subject },
    { key: 'body', label: 'Body (Markdown)', source: draft.body },
    { key: 'ctaLabel', label: 'Button label', source: draft.ctaLabel },
  ];
}

/** A number input's value: absent when empty, else the number (a non-number is left for the schema to name). */
const num = (value: string): number | string | undefined => {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : trimmed;
};

/** The kind's own rule fields, named as the schema names them. */
function ruleOf(draft: EmailDraft): Record<string, unknown> {
  switch (draft.kind) {
    case 'digest':
      return { inactiveDays: num(draft.inactiveDays), maxAgeDays: num(draft.maxAgeDays) };
    case 'onboarding':
      return { event: draft.event, withinDays: num(draft.withinDays) };
    case 'nps':
      return { surveyId: draft.surveyId, unreachedDays: num(draft.unreachedDays), linkDays: num(draft.linkDays) };
  }
}

const defined = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

/** The message the API receives. */
export function toEmailInput(draft: EmailDraft): Record<string, unknown> {
  const audience = draft.audience ? toAudience(draft.audience) : draft.base?.audience;
  return defined({
    id: draft.id,
    name: optionalText(draft.name),
    kind: draft.kind,
    status: draft.base?.status ?? 'draft',
    audience,
    defaultLocale: draft.defaultLocale,
    content: defined({ subject: draft.subject, body: draft.body, ctaLabel: optionalText(draft.ctaLabel) }),
    translations: toTranslations(draft.translations, emailTranslatableFields(draft)),
    appUrl: optionalText(draft.appUrl),
    ctaUrl: optionalText(draft.ctaUrl),
    category: draft.category || undefined,
    holdoutPercent: num(draft.holdoutPercent),
    quietHours: draft.ownQuietHours ? { start: num(draft.quietStart), end: num(draft.quietEnd) } : undefined,
    ...defined(ruleOf(draft)),
  });
}

/** The draft checked with the collector's schema: field errors by path, and the message when it passes. */
export function checkEmailDraft(draft: EmailDraft): { ok: boolean; errors: FieldErrors; message: Record<string, unknown> } {
  const message = toEmailInput(draft);
  return { ...checkForm(emailMessageSchema, message, draft.audience), message };
}
