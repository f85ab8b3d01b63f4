import { checklistPromptSchema, type AudienceRule, type ChecklistItem, type ChecklistPrompt, type CompleteWhen } from '@hearth/schema';
import { fromAudience, ROW_DEFAULTS, toAudience, toRule, type AudienceDraft, type AudienceRow } from './audience-builder.js';
import { numberInput, optionalText } from './date-input.js';
import { envelopeFromPrompt, newEnvelope, toEnvelopeInput, type EnvelopeDraft } from './envelope-draft.js';
import type { FieldErrors } from './field-errors.js';
import { checkForm } from './form-check.js';
import { fromWhere, toWhere, type WhereRow } from './where-rows.js';

/**
 * One item as the form edits it. It completes on an event (optionally only when the event's
 * properties match `where`) or on a trait condition; a trait condition the form cannot show
 * (`in`, dates) is kept as loaded in `completeWhen`.
 */
export interface ItemDraft {
  id: string;
  title: string;
  description: string;
  doneBy: 'event' | 'trait';
  /** The event that completes the item. */
  event: string;
  where: WhereRow[];
  /** The trait condition, as a targeting row (kind `trait`). */
  trait: AudienceRow;
  /** A link the item's button opens; empty for none. */
  url: string;
  optional: boolean;
  /** A loaded trait condition richer than the form shows; kept unchanged while `doneBy` stays `trait`. */
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
  /** The control group's share in percent, as typed; empty for no holdout. */
  holdoutPercent: string;
  /** The loaded prompt, whose other fields (translations, status, dismissible…) the form keeps. */
  base: ChecklistPrompt | null;
}

export const emptyItem = (index: number): ItemDraft => ({
  id: `step-${index + 1}`,
  title: '',
  description: '',
  doneBy: 'event',
  event: '',
  where: [],
  trait: ROW_DEFAULTS.trait,
  url: '',
  optional: false,
  completeWhen: null,
  action: undefined,
});

/** The form's view of how an item completes. */
function completionDraft(rule: CompleteWhen): Pick<ItemDraft, 'doneBy' | 'event' | 'where' | 'trait' | 'completeWhen'> {
  if (rule.type === 'event')
    return { doneBy: 'event', event: rule.event, where: fromWhere(rule.where), trait: ROW_DEFAULTS.trait, completeWhen: null };
  const row = fromAudience(rule)?.rows[0];
  return { doneBy: 'trait', event: '', where: [], trait: row ?? ROW_DEFAULTS.trait, completeWhen: row ? null : rule };
}

/** The item's `completeWhen` as the schema's input; invalid values pass through so the schema names them. */
function completionInput(item: ItemDraft): unknown {
  if (item.doneBy === 'trait') return item.completeWhen ?? toRule(item.trait);
  const where = toWhere(item.where);
  return { type: 'event', event: item.event, ...(where ? { where } : {}) };
}

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
    holdoutPercent: '',
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
      ...completionDraft(item.completeWhen),
      url: item.action?.type === 'url' ? item.action.url : '',
      optional: item.optional,
      action: item.action,
    })),
    envelope: envelopeFromPrompt(prompt),
    audience: fromAudience(prompt.audience as AudienceRule | undefined),
    holdoutPercent: prompt.holdout ? String(prompt.holdout.percent) : '',
    base: prompt,
  };
}

function itemInput(item: ItemDraft) {
  const completeWhen = completionInput(item);
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
  const { audience: _old, holdout: _holdout, ...rest } = base ?? { kind: 'checklist' as const };
  const percent = numberInput(draft.holdoutPercent);
  return {
    ...rest,
    kind: 'checklist',
    id: draft.id,
    name: optionalText(draft.name),
    content: { ...base?.content, title: draft.title, description: optionalText(draft.description), items: draft.items.map(itemInput) },
    ...toEnvelopeInput(draft.envelope),
    ...(audience === undefined ? {} : { audience }),
    ...(percent === undefined ? {} : { holdout: { percent } }),
  };
}

/** Field errors from checklistPromptSchema (what the collector runs) plus the builder's row errors. */
export function checkDraft(draft: ChecklistDraft): { ok: boolean; errors: FieldErrors; prompt: Record<string, unknown> } {
  const prompt = toPromptInput(draft);
  return { ...checkForm(checklistPromptSchema, prompt, draft.audience), prompt };
}
