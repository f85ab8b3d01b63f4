import type { Frequency, Schedule, Trigger } from '@hearth/schema';
import { fromLocalInput, numberInput, numberText, toLocalInput } from './date-input.js';

/**
 * What every prompt form (checklist, survey) edits besides its content: when it appears (triggers),
 * the window it may show in (schedule), how often (frequency) and its priority under the fatigue budget.
 */
export type TriggerType = Trigger['type'];

export interface TriggerDraft {
  type: TriggerType;
  /** event: event name. */
  name: string;
  /** event: minimum count; empty for 1. */
  minCount: string;
  /** url: `glob` or `regex`. */
  match: 'glob' | 'regex';
  pattern: string;
  /** delay: milliseconds after page load. */
  ms: string;
}

export interface EnvelopeDraft {
  triggers: TriggerDraft[];
  /** `datetime-local` values; empty for none. */
  startAt: string;
  endAt: string;
  maxDisplays: string;
  minDaysBetween: string;
  stopAfterDismiss: boolean;
  stopAfterComplete: boolean;
  priority: string;
}

export const emptyTrigger = (type: TriggerType = 'load'): TriggerDraft => ({
  type,
  name: '',
  minCount: '',
  match: 'glob',
  pattern: '',
  ms: '3000',
});

function triggerDraft(trigger: Trigger): TriggerDraft {
  switch (trigger.type) {
    case 'load':
      return emptyTrigger('load');
    case 'event':
      return { ...emptyTrigger('event'), name: trigger.name, minCount: numberText(trigger.minCount) };
    case 'url':
      return { ...emptyTrigger('url'), match: trigger.match, pattern: trigger.pattern };
    case 'delay':
      return { ...emptyTrigger('delay'), ms: String(trigger.ms) };
  }
}

/** The trigger as the schema's input; invalid numbers pass through so the schema names them. */
export function toTrigger(draft: TriggerDraft): Record<string, unknown> {
  switch (draft.type) {
    case 'load':
      return { type: 'load' };
    case 'event': {
      const minCount = numberInput(draft.minCount);
      return { type: 'event', name: draft.name, ...(minCount === undefined ? {} : { minCount }) };
    }
    case 'url':
      return { type: 'url', match: draft.match, pattern: draft.pattern };
    case 'delay':
      return { type: 'delay', ms: numberInput(draft.ms) ?? '' };
  }
}

interface Envelope {
  triggers: Trigger[];
  schedule: Schedule;
  frequency: Frequency;
  priority: number;
}

export function envelopeFromPrompt(prompt: Envelope): EnvelopeDraft {
  return {
    triggers: prompt.triggers.map(triggerDraft),
    startAt: toLocalInput(prompt.schedule.startAt),
    endAt: toLocalInput(prompt.schedule.endAt),
    maxDisplays: numberText(prompt.frequency.maxDisplays),
    minDaysBetween: numberText(prompt.frequency.minDaysBetween),
    stopAfterDismiss: prompt.frequency.stopAfterDismiss,
    stopAfterComplete: prompt.frequency.stopAfterComplete,
    priority: String(prompt.priority),
  };
}

/** A new prompt's envelope; `frequency` defaults differ per kind, so the caller passes them. */
export function newEnvelope(stops: Pick<Frequency, 'stopAfterDismiss' | 'stopAfterComplete'>): EnvelopeDraft {
  return { triggers: [emptyTrigger()], startAt: '', endAt: '', maxDisplays: '', minDaysBetween: '', priority: '0', ...stops };
}

const defined = (entries: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));

/** The envelope fields of the prompt input (paths `triggers.0.name`, `schedule.endAt`, `frequency.maxDisplays`…). */
export function toEnvelopeInput(draft: EnvelopeDraft): Record<string, unknown> {
  return {
    triggers: draft.triggers.map(toTrigger),
    schedule: defined({ startAt: fromLocalInput(draft.startAt), endAt: fromLocalInput(draft.endAt) }),
    frequency: defined({
      maxDisplays: numberInput(draft.maxDisplays),
      minDaysBetween: numberInput(draft.minDaysBetween),
      stopAfterDismiss: draft.stopAfterDismiss,
      stopAfterComplete: draft.stopAfterComplete,
    }),
    priority: numberInput(draft.priority) ?? 0,
  };
}
