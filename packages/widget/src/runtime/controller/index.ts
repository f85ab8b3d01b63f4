/**
 * The prompt controller: the first UI chunk the core loads (`chunks/controller-*.js`). It decides
 * *when* and *where* each prompt of `/v1/state` appears, and loads a widget kind's chunk (which
 * brings the Preact runtime) only when a prompt of that kind is about to show. It imports nothing
 * from the runtime at run time, so the core → controller hop stays a few hundred bytes.
 */
import type { StatePrompt, UserState } from '@hearth/schema';
import type { LoadChunk } from '../../core/registry.js';
import type { Post } from '../../core/transport.js';
import type { ChecklistHandle } from '../../widgets/checklist/index.js';
import type { Track, Traits } from '../state-types.js';
import type { Corner, Theme } from '../theme.js';
import { announcementsSlot } from './announcements.js';
import { mountLane, type Chunk } from './idle.js';
import { rewardsSlot } from './rewards.js';
import { watchTriggers, type TriggerWatch } from './triggers.js';

export interface ControllerOptions {
  load: LoadChunk;
  /** The core's `track`: consent and the outbox apply to the widgets' events. */
  track: Track;
  /** The core's identity-adding POST; the survey chunk sends answers (and retries) through it. */
  post: Post;
  theme?: Theme;
  /** Where floating widgets sit. */
  corner?: Corner;
  locale?: string;
  traits?: Traits;
  /** The current URL path, for URL triggers. */
  path: string;
  /** The core's `/v1/state` URL; the announcements feed fetches its next pages with the same query. */
  stateUrl?: () => string;
  document?: Document;
}

export interface Controller {
  update(state: UserState): void;
  /** A tracked event (the widgets' own included), for event triggers. */
  event(name: string): void;
  navigate(path: string): void;
  setContext(context: { locale?: string; traits?: Traits }): void;
  destroy(): void;
}

type WidgetHandle = Omit<ChecklistHandle, 'update'> & { update(prompt: StatePrompt): void };

/** What every widget is mounted with, whatever its kind. */
type Common = { document: Document; theme: Theme; corner?: Corner; locale?: string; traits?: Traits; track: Track; onHide(): void };

type Mounted = Omit<WidgetHandle, 'update'> & { update?(prompt: never): void };

/**
 * How each prompt kind reaches the screen, from its chunk (named like the kind): a lookup, not a
 * switch, and a kind missing here fails to compile.
 */
type KindWidgets = {
  [K in StatePrompt['kind']]: (common: Common, first: Extract<StatePrompt, { kind: K }>) => (chunk: Chunk<K>) => Promise<Mounted>;
};

/**
 * Kinds that stay on screen once shown though later states leave them out: the server drops a
 * survey once its display is stored (so reloads and other tabs do not ask again).
 */
const STAYS: { [K in StatePrompt['kind']]?: true } = { survey: true };

interface Entry {
  prompt: StatePrompt;
  triggers: TriggerWatch;
  fired: boolean;
  gone: boolean;
  /** Set once the widget starts mounting; stays set after it hides, so it does not show again. */
  handle?: Promise<WidgetHandle | undefined>;
}

export function createController(options: ControllerOptions): Controller {
  const { load, track } = options;
  const doc = options.document ?? globalThis.document;
  const context = { locale: options.locale, traits: options.traits };
  // The project theme from /v1/state under the host's `init({ theme })`, field by field. Widgets
  // read this one object when they mount, so it is filled in place as states arrive.
  const theme: Theme = { ...options.theme };
  const entries = new Map<string, Entry>();
  const counts = new Map<string, number>();
  let path = options.path;

  const lane = mountLane(load, doc);
  const mountPoint = (kind: string) => doc.querySelector(`[data-hearth="${kind}"]`) ?? undefined;

  const unmount = (entry: Entry) => void entry.handle?.then((handle) => handle?.unmount());

  const widgets: KindWidgets = {
    checklist:
      (common, checklist) =>
      ({ mountChecklist }) =>
        mountChecklist({ ...common, checklist, container: mountPoint('checklist') }),
    // A survey has no `update`: it keeps its cycle and answers on screen whatever later states say.
    survey:
      (common, survey) =>
      ({ mountSurvey, createResponder }) =>
        mountSurvey({ ...common, survey, onResponse: createResponder(options.post) }),
  };

  // Dismissed, answered, or hidden after its celebration: take the host element away too. A prompt
  // id now of another kind leaves the widget on screen as it was.
  const mountWidget = (entry: Entry, first: StatePrompt): Promise<WidgetHandle> =>
    lane<StatePrompt['kind'], Mounted>(
      first.kind,
      widgets[first.kind](
        { document: doc, theme, corner: options.corner, ...context, track, onHide: () => unmount(entry) },
        first as never,
      ) as never,
    ).then((handle) => ({ ...handle, update: (prompt: StatePrompt) => prompt.kind === first.kind && handle.update?.(prompt as never) }));

  const show = (entry: Entry) => {
    const first = entry.prompt;
    entry.handle = mountWidget(entry, first)
      .then((handle) => {
        if (entry.gone) handle.unmount();
        else if (entry.prompt !== first) handle.update(entry.prompt);
        return entry.gone ? undefined : handle;
      })
      .catch(() => undefined);
  };

  /** One prompt per kind on screen (the state comes in priority order); the next waits its turn. */
  const sync = () => {
    const busy = new Set<string>();
    for (const entry of entries.values()) if (entry.handle) busy.add(entry.prompt.kind);
    for (const entry of entries.values()) {
      if (!entry.fired || entry.handle || busy.has(entry.prompt.kind)) continue;
      busy.add(entry.prompt.kind);
      show(entry);
    }
  };

  const remove = (entry: Entry) => {
    entry.gone = true;
    entry.triggers.stop();
    entries.delete(entry.prompt.id);
    unmount(entry);
  };

  const news = announcementsSlot({ lane, track, doc, context, theme, corner: options.corner, stateUrl: options.stateUrl });
  const points = rewardsSlot({ lane, doc, context, theme, corner: options.corner, stateUrl: options.stateUrl });

  // An inline mount point means that widget is likely to show: fetch its chunk now.
  if (mountPoint('checklist')) load('checklist').catch(() => undefined);

  return {
    update(state) {
      Object.assign(theme, state.theme, options.theme);
      const ids = new Set(state.prompts.map((prompt) => prompt.id));
      // The server drops a survey once its display is stored (so reloads and other tabs do not ask
      // again); the one on screen stays until the user answers or closes it.
      const stays = (entry: Entry) => ids.has(entry.prompt.id) || (STAYS[entry.prompt.kind] && !!entry.handle);
      for (const entry of [...entries.values()]) if (!stays(entry)) remove(entry);
      for (const prompt of state.prompts) {
        const known = entries.get(prompt.id);
        if (known) {
          known.prompt = prompt;
          void known.handle?.then((handle) => handle?.update(prompt));
          continue;
        }
        const entry: Entry = { prompt, fired: false, gone: false, triggers: { event() {}, navigate() {}, stop() {} } };
        entries.set(prompt.id, entry);
        entry.triggers = watchTriggers(prompt.triggers, path, counts, () => {
          entry.fired = true;
          sync();
        });
      }
      sync();
      news.update(state.announcements);
      points.update(state.rewards);
    },
    event(name) {
      counts.set(name, (counts.get(name) ?? 0) + 1);
      for (const entry of entries.values()) entry.triggers.event(name);
    },
    navigate(next) {
      path = next;
      for (const entry of entries.values()) entry.triggers.navigate(next);
    },
    setContext(next) {
      Object.assign(context, next);
      for (const entry of entries.values()) void entry.handle?.then((handle) => handle?.setContext(next));
      news.setContext(next);
      points.setContext(next);
    },
    destroy() {
      for (const entry of [...entries.values()]) remove(entry);
      news.destroy();
      points.destroy();
    },
  };
}
