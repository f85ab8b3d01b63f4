import { announcementInputSchema, type Announcement, type AudienceRule } from '@hearth/schema';
import { fromAudience, toAudience, type AudienceDraft } from './audience-builder.js';
import { fromLocalInput, optionalText, toLocalInput } from './date-input.js';
import type { FieldErrors } from './field-errors.js';
import { checkForm } from './form-check.js';
import { draftFromTranslations, toTranslations, type TranslatableField, type TranslationDraft } from './translations.js';

export type CtaKind = 'none' | 'url' | 'event';

export interface AnnouncementDraft {
  id: string;
  name: string;
  title: string;
  /** Markdown; the collector parses it into the allowlisted tree on save. */
  body: string;
  category: string;
  categoryLabel: string;
  cta: CtaKind;
  ctaLabel: string;
  ctaUrl: string;
  ctaEvent: string;
  imageUrl: string;
  imageAlt: string;
  boosted: boolean;
  boostStyle: 'toast' | 'modal';
  public: boolean;
  featureEvent: string;
  /** `datetime-local` values; empty for none. */
  publishAt: string;
  expiresAt: string;
  defaultLocale: string;
  translations: TranslationDraft;
  audience: AudienceDraft | null;
  /** The loaded announcement, whose other fields (status, digest…) the form keeps. */
  base: Announcement | null;
}

export function newAnnouncementDraft(): AnnouncementDraft {
  return {
    id: '',
    name: '',
    title: '',
    body: '',
    category: 'new',
    categoryLabel: '',
    cta: 'none',
    ctaLabel: '',
    ctaUrl: '',
    ctaEvent: '',
    imageUrl: '',
    imageAlt: '',
    boosted: false,
    boostStyle: 'toast',
    public: true,
    featureEvent: '',
    publishAt: '',
    expiresAt: '',
    defaultLocale: 'en',
    translations: {},
    audience: { match: 'all', rows: [] },
    base: null,
  };
}

export function draftFromAnnouncement(a: Announcement): AnnouncementDraft {
  const { cta, image } = a.content;
  return {
    id: a.id,
    name: a.name ?? '',
    title: a.content.title,
    body: a.content.body,
    category: a.category,
    categoryLabel: a.content.categoryLabel ?? '',
    cta: cta?.type ?? 'none',
    ctaLabel: cta?.label ?? '',
    ctaUrl: cta?.type === 'url' ? cta.url : '',
    ctaEvent: cta?.type === 'event' ? cta.name : '',
    imageUrl: image?.url ?? '',
    imageAlt: image?.alt ?? '',
    boosted: a.boosted,
    boostStyle: a.boostStyle,
    public: a.public,
    featureEvent: a.featureEvent ?? '',
    publishAt: toLocalInput(a.publishAt),
    expiresAt: toLocalInput(a.expiresAt),
    defaultLocale: a.defaultLocale,
    translations: draftFromTranslations(a.translations),
    audience: fromAudience(a.audience as AudienceRule | undefined),
    base: a,
  };
}

export function announcementTranslatableFields(draft: AnnouncementDraft): TranslatableField[] {
  return [
    { key: 'title', label: 'Title', source: draft.title },
    { key: 'body', label: 'Body (Markdown)', source: draft.body },
    { key: 'categoryLabel', label: 'Category label', source: draft.categoryLabel },
    ...(draft.imageUrl ? [{ key: 'imageAlt', label: 'Image alt text', source: draft.imageAlt }] : []),
    ...(draft.cta !== 'none' ? [{ key: 'ctaLabel', label: 'Button label', source: draft.ctaLabel }] : []),
  ];
}

function ctaInput(draft: AnnouncementDraft) {
  if (draft.cta === 'url') return { type: 'url', label: draft.ctaLabel, url: draft.ctaUrl };
  if (draft.cta === 'event') return { type: 'event', label: draft.ctaLabel, name: draft.ctaEvent };
  return undefined;
}

/** The announcement the API receives: the loaded one with the form's fields laid over it. */
export function toAnnouncementInput(draft: AnnouncementDraft): Record<string, unknown> {
  const { audience: _old, ...rest } = draft.base ?? {};
  const audience = draft.audience ? toAudience(draft.audience) : draft.base?.audience;
  const cta = ctaInput(draft);
  return {
    ...rest,
    id: draft.id,
    name: optionalText(draft.name),
    category: draft.category,
    boosted: draft.boosted,
    boostStyle: draft.boostStyle,
    public: draft.public,
    featureEvent: optionalText(draft.featureEvent),
    publishAt: fromLocalInput(draft.publishAt),
    expiresAt: fromLocalInput(draft.expiresAt),
    defaultLocale: draft.defaultLocale,
    content: {
      title: draft.title,
      body: draft.body,
      categoryLabel: optionalText(draft.categoryLabel),
      ...(draft.imageUrl.trim() ? { image: { url: draft.imageUrl, alt: draft.imageAlt } } : {}),
      ...(cta ? { cta } : {}),
    },
    translations: toTranslations(draft.translations, announcementTranslatableFields(draft)),
    ...(audience === undefined ? {} : { audience }),
  };
}

/** Field errors from announcementInputSchema (what the collector runs) plus the targeting rows' errors. */
export function checkAnnouncementDraft(draft: AnnouncementDraft): {
  ok: boolean;
  errors: FieldErrors;
  announcement: Record<string, unknown>;
} {
  const announcement = toAnnouncementInput(draft);
  return { ...checkForm(announcementInputSchema, announcement, draft.audience), announcement };
}
