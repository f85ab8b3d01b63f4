import type { ChecklistPrompt, ChecklistState } from '@hearth/schema';
import type { ChecklistProgressResult } from '../checklist/progress.js';
import { pickLocale } from './localize.js';

/**
 * A checklist as one user receives it: texts in one locale, progress, and nothing else — no
 * audience, completion conditions or other translations (they can name traits or other roles).
 */
export function checklistState(prompt: ChecklistPrompt, progress: ChecklistProgressResult, userLocale: string | null): ChecklistState {
  const locale = pickLocale([prompt.defaultLocale, ...Object.keys(prompt.translations)], userLocale, prompt.defaultLocale);
  const t = prompt.translations[locale];
  const { content } = prompt;
  return {
    id: prompt.id,
    kind: 'checklist',
    triggers: prompt.triggers,
    interrupting: prompt.interrupting,
    locale,
    title: t?.title ?? content.title,
    description: t?.description ?? content.description,
    dismissible: content.dismissible,
    hideWhenComplete: content.hideWhenComplete,
    items: content.items.map((item, index) => {
      const itemProgress = progress.items[index];
      return {
        id: item.id,
        title: t?.items?.[item.id]?.title ?? item.title,
        description: t?.items?.[item.id]?.description ?? item.description,
        action: item.action,
        optional: item.optional,
        points: item.points,
        done: itemProgress?.done ?? false,
        skipped: itemProgress?.skipped ?? false,
      };
    }),
    progress: { done: progress.done, total: progress.total, complete: progress.complete },
  };
}
