import { batch, computed, signal } from '@preact/signals';
import type { CHECKLIST_EVENTS as SCHEMA_CHECKLIST_EVENTS, PROMPT_EVENTS } from '@hearth/schema';
import { fillPlaceholders, type ChecklistItemState, type ChecklistState, type I18n, type Track, type Traits } from '../../runtime/index.js';

/**
 * Events the checklist reports through the core's `track`, named by @hearth/schema (`PROMPT_EVENTS`,
 * `CHECKLIST_EVENTS`; the `satisfies` below fails the build if they drift). The collector's
 * frequency rules and KPIs read them.
 * - `$prompt_shown` `{ promptId, kind }`: once per mount, when the checklist first renders.
 * - `$checklist_item_completed` `{ promptId, itemId }`: an item turned done while on screen
 *   (progress is decided on the server; this is an observation, so count users, not events).
 * - `$checklist_item_skipped` `{ promptId, itemId }`: the user skipped an optional item; the
 *   server keeps the skip so it holds across devices.
 * - `$prompt_completed` `{ promptId, kind }`: every item became done or skipped while on screen.
 * - `$prompt_dismissed` `{ promptId, kind }`: the user closed the checklist.
 */
export const EVENTS = {
  shown: '$prompt_shown',
  dismissed: '$prompt_dismissed',
  completed: '$prompt_completed',
  itemCompleted: '$checklist_item_completed',
  itemSkipped: '$checklist_item_skipped',
} as const satisfies typeof PROMPT_EVENTS & typeof SCHEMA_CHECKLIST_EVENTS;

/** How long the celebration stays before a `hideWhenComplete` checklist goes away. */
export const CELEBRATION_MS = 4000;

export interface ChecklistModelOptions {
  checklist: ChecklistState;
  /** From the runtime's `loadI18n`: catalog strings, direction and `Intl` formats. */
  i18n: I18n;
  traits?: Traits;
  track: Track;
  /** Dismissed, or hidden after completion: the core may unmount. */
  onHide?: () => void;
}

export type ChecklistModel = ReturnType<typeof createChecklistModel>;

const settled = (item: ChecklistItemState) => item.done || item.skipped;
/** Same rule as the server's `progress.complete`, applied locally so a skip counts at once. */
const isComplete = (state: ChecklistState, items: ChecklistItemState[]) =>
  state.progress.complete || (items.length > 0 && items.every(settled));

export function createChecklistModel(options: ChecklistModelOptions) {
  const { track, onHide } = options;
  const checklist = signal(options.checklist);
  const i18n = signal(options.i18n);
  const traits = signal(options.traits ?? {});
  const minimized = signal(false);
  const dismissed = signal(false);
  // Skips apply at once and survive a state refresh that predates the server seeing them.
  const skippedHere = signal<ReadonlySet<string>>(new Set());
  const celebrating = signal(false);
  const hidden = signal(!!options.checklist.hideWhenComplete && isComplete(options.checklist, options.checklist.items));
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const text = (value: string) => fillPlaceholders(value, traits.value);
  const items = computed(() =>
    checklist.value.items.map((item) => ({
      ...item,
      title: text(item.title),
      description: item.description && text(item.description),
      skipped: item.skipped || skippedHere.value.has(item.id),
    })),
  );
  const title = computed(() => text(checklist.value.title));
  const description = computed(() => checklist.value.description && text(checklist.value.description));
  /** Done or skipped: what the bar and the "2 of 5" count show. */
  const done = computed(() => items.value.filter(settled).length);
  const total = computed(() => items.value.length);
  const complete = computed(() => isComplete(checklist.value, items.value));
  const visible = computed(() => !dismissed.value && !hidden.value);
  const dismissible = computed(() => checklist.value.dismissible);
  const promptEvent = () => ({ promptId: checklist.value.id, kind: 'checklist' });
  const itemEvent = (itemId: string) => ({ promptId: checklist.value.id, itemId });

  const hide = () => {
    hidden.value = true;
    onHide?.();
  };

  /** Reports what changed on screen: items that turned done, and the whole list completing. */
  const report = (wasComplete: boolean, doneBefore: ReadonlyMap<string, boolean>) => {
    for (const item of items.value) {
      if (item.done && doneBefore.get(item.id) === false) track(EVENTS.itemCompleted, itemEvent(item.id));
    }
    if (wasComplete || !complete.value) return;
    track(EVENTS.completed, promptEvent());
    celebrating.value = true;
    if (checklist.value.hideWhenComplete) hideTimer = setTimeout(hide, CELEBRATION_MS);
  };

  const actions = {
    /** Fresh state from the core (a `/v1/state` refresh): items tick without a remount. */
    update(next: ChecklistState) {
      const wasComplete = complete.value;
      const doneBefore = new Map(items.value.map((item) => [item.id, item.done]));
      checklist.value = next;
      report(wasComplete, doneBefore);
    },
    setContext(context: { i18n?: I18n; traits?: Traits }) {
      batch(() => {
        if (context.i18n) i18n.value = context.i18n;
        if (context.traits) traits.value = context.traits;
      });
    },
    shown() {
      track(EVENTS.shown, promptEvent());
    },
    /** `event` actions track the host's event; `url` actions are plain links in the view. */
    run(itemId: string) {
      const action = checklist.value.items.find((item) => item.id === itemId)?.action;
      if (action?.type === 'event') track(action.name);
    },
    skip(itemId: string) {
      const item = items.value.find((candidate) => candidate.id === itemId);
      if (!item?.optional || settled(item)) return;
      const wasComplete = complete.value;
      skippedHere.value = new Set(skippedHere.value).add(itemId);
      track(EVENTS.itemSkipped, itemEvent(itemId));
      report(wasComplete, new Map());
    },
    toggleMinimized() {
      minimized.value = !minimized.value;
    },
    dismiss() {
      if (!checklist.value.dismissible || dismissed.value) return;
      dismissed.value = true;
      clearTimeout(hideTimer);
      track(EVENTS.dismissed, promptEvent());
      onHide?.();
    },
    dispose() {
      clearTimeout(hideTimer);
    },
  };

  return { i18n, title, description, items, done, total, complete, celebrating, minimized, visible, dismissible, actions };
}
