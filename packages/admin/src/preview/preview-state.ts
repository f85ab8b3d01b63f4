import type {
  Announcement,
  AnnouncementTexts,
  AnnouncementsState,
  ChecklistPrompt,
  ChecklistState,
  SurveyPrompt,
  SurveyState,
} from '@hearth/schema';

/**
 * The draft as the widget would receive it in `/v1/state` for one locale: texts of that locale
 * over the default ones (what the collector does per user), progress at zero, a first cycle.
 */

/** The translation to use for `wanted`: the exact tag, else the same language, else none. */
export function pickLocale(available: readonly string[], wanted: string): string | null {
  const lower = wanted.toLowerCase();
  const language = lower.split('-')[0];
  return (
    available.find((tag) => tag.toLowerCase() === lower) ?? available.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? null
  );
}

function localized<U>(
  prompt: { defaultLocale: string; translations: Record<string, U> },
  wanted: string,
): { locale: string; translation: U | undefined } {
  if (pickLocale([prompt.defaultLocale], wanted)) return { locale: prompt.defaultLocale, translation: undefined };
  const tag = pickLocale(Object.keys(prompt.translations), wanted);
  return tag ? { locale: tag, translation: prompt.translations[tag] } : { locale: prompt.defaultLocale, translation: undefined };
}

export function surveyPreviewState(prompt: SurveyPrompt, wanted: string): SurveyState {
  const { locale, translation: t } = localized(prompt, wanted);
  const c = prompt.content;
  const texts = { lowLabel: t?.lowLabel ?? c.lowLabel, highLabel: t?.highLabel ?? c.highLabel, thankYou: t?.thankYou ?? c.thankYou };
  const followUp = (fallback: typeof c.followUp) => {
    if (t?.followUp === undefined) return fallback;
    if (typeof t.followUp === 'string' || typeof fallback !== 'object') return t.followUp;
    return { ...fallback, ...t.followUp };
  };
  const content: SurveyState['content'] =
    c.type === 'nps'
      ? { ...c, ...texts, product: t?.product ?? c.product, question: t?.question ?? c.question, followUp: followUp(c.followUp) }
      : c.type === 'csat'
        ? { ...c, ...texts, question: t?.question ?? c.question, followUp: followUp(c.followUp) as string | undefined }
        : {
            ...c,
            ...texts,
            questions: c.questions.map((q) => ({ id: q.id, text: t?.questions?.[q.id] ?? q.text })),
            followUp: followUp(c.followUp) as string | undefined,
          };
  return {
    kind: 'survey',
    id: prompt.id,
    triggers: prompt.triggers,
    interrupting: prompt.interrupting,
    locale,
    cycle: 1,
    display: prompt.display,
    askLater: prompt.askLater,
    dismissible: prompt.dismissible,
    ...(prompt.points === undefined ? {} : { points: prompt.points }),
    content,
  };
}

export function checklistPreviewState(prompt: ChecklistPrompt, wanted: string): ChecklistState {
  const { locale, translation: t } = localized(prompt, wanted);
  const c = prompt.content;
  return {
    kind: 'checklist',
    id: prompt.id,
    triggers: prompt.triggers,
    interrupting: prompt.interrupting,
    locale,
    title: t?.title ?? c.title,
    ...((t?.description ?? c.description) === undefined ? {} : { description: t?.description ?? c.description }),
    dismissible: c.dismissible,
    hideWhenComplete: c.hideWhenComplete,
    items: c.items.map((item) => ({
      id: item.id,
      title: t?.items?.[item.id]?.title ?? item.title,
      ...((t?.items?.[item.id]?.description ?? item.description) === undefined
        ? {}
        : { description: t?.items?.[item.id]?.description ?? item.description }),
      ...(item.action ? { action: item.action } : {}),
      optional: item.optional,
      ...(item.points === undefined ? {} : { points: item.points }),
      done: false,
      skipped: false,
    })),
    progress: { done: 0, total: c.items.length, complete: false },
  };
}

/** A feed holding only this announcement, unread, with the server's parsed tree for the locale. */
export function announcementPreviewState(
  announcement: Announcement,
  texts: Record<string, AnnouncementTexts>,
  wanted: string,
  now: Date,
): AnnouncementsState {
  const tag = pickLocale(Object.keys(texts), wanted) ?? announcement.defaultLocale;
  const localizedTexts = texts[tag] ?? texts[announcement.defaultLocale];
  if (!localizedTexts) return { unread: 0, items: [] };
  return {
    unread: 1,
    items: [
      {
        ...localizedTexts,
        id: announcement.id,
        category: announcement.category,
        publishedAt: announcement.publishAt ?? now.toISOString(),
        locale: tag,
        read: false,
      },
    ],
  };
}
