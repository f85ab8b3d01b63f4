import { checklistPromptSchema, type AudienceRule, type ChecklistItem, type ChecklistPrompt, type CompleteWhen } from '@hearth/schema';
import { fromAudience, toAudience, type AudienceDraft } from './audience-builder.js';
import { optionalText } from './date-input.js';
import { envelopeFromPrompt, newEnvelope, toEnvelopeInput, type EnvelopeDraft } from './envelope-draft.js';
import type { FieldErrors } from './field-errors.js';
import { checkForm } from './form-check.js';

/** One item as the form edits it; `completeWhen` other than an event (a trait) is kept as loaded. */
export interface ItemDraft {
  id: string;
  title: string;
  description: string;
  /** The event that completes the item. */
  event: string;
  /** A link the item's button opens; empty for none. */
  url: string;
  optional: boolean;
  completeWhen: CompleteWhen | null;
  action: ChecklistItem['action'];
}

export interface ChecklistDraft {
  id: string;
  name: string;
  title: string;
  description: string;
  items: ItemDraft[];
  /** Triggers, schedule, frequency and priority, edited by the form every prompt kind shares. */
  envelope: EnvelopeDraft;
  /** Null when the stored audience is richer than the builder shows; it is then kept unchanged. */
  audience: AudienceDraft | null;
  /** The loaded prompt, whose other fields (translations, status, dismissible…) the form keeps. */
  base: ChecklistPrompt | null;
}

export const emptyItem = (index: number): ItemDraft => ({
  id: `step-${index + 1}`,
  title: '',
  description: '',
  event: '',
  url: '',
  optional: false,
  completeWhen: null,
  action: undefined,
});

export function newChecklistDraft(): ChecklistDraft {
  // The schema's checklist defaults: dismissing hides it, finishing is up to `content.hideWhenComplete`.
  const envelope = newEnvelope({ stopAfterDismiss: true, stopAfterComplete: false });
  return {
    id: '',
    name: '',
    title: '',
    description: '',
    items: [emptyItem(0)],
    envelope,
    audience: { match: 'all', rows: [] },
    base: null,
  };
}

export function draftFromPrompt(prompt: ChecklistPrompt): ChecklistDraft {
  return {
    id: prompt.id,
    name: prompt.name ?? '',
    title: prompt.content.title,
    description: prompt.content.description ?? '',
    items: prompt.content.items.map((item) => ({
      id: item.id,
      title: item.title,
      description: item.description ?? '',
      event: item.completeWhen.type === 'event' ? item.completeWhen.event : '',
      url: item.action?.type === 'url' ? item.action.url : '',
      optional: item.optional,
      completeWhen: item.completeWhen,
      action: item.action,
    })),
    envelope: envelopeFromPrompt(prompt),
    audience: fromAudience(prompt.audience as AudienceRule | undefined),
    base: prompt,
  };
}

function itemInput(item: ItemDraft) {
  const completeWhen =
    item.completeWhen && item.completeWhen.type !== 'event'
      ? item.completeWhen
      : { ...item.completeWhen, type: 'event', event: item.event };
  const action =
    item.url.trim() !== '' ? { type: 'url', url: item.url, newTab: false } : item.action?.type === 'event' ? item.action : undefined;
  return {
    id: item.id,
    title: item.title,
    description: optionalText(item.description),
    optional: item.optional,
    completeWhen,
    ...(action ? { action } : {}),
  };
}

/** The prompt the API receives: the loaded prompt with the form's fields laid over it. */
export function toPromptInput(draft: ChecklistDraft): Record<string, unknown> {
  const base = draft.base;
  const audience = draft.audience ? toAudience(draft.audience) : base?.audience;
  const { audience: _old, ...rest } = base ?? { kind: 'checklist' as const };
  return {
    ...rest,
    kind: 'checklist',
    id: draft.id,
    name: optionalText(draft.name),
    content: { ...base?.content, title: draft.title, description: optionalText(draft.description), items: draft.items.map(itemInput) },
    ...toEnvelopeInput(draft.envelope),
    ...(audience === undefined ? {} : { audience }),
  };
}

/** Field errors from checklistPromptSchema (what the collector runs) plus the builder's row errors. */
export function checkDraft(draft: ChecklistDraft): { ok: boolean; errors: FieldErrors; prompt: Record<string, unknown> } {
  const prompt = toPromptInput(draft);
  return { ...checkForm(checklistPromptSchema, prompt, draft.audience), prompt };
}
