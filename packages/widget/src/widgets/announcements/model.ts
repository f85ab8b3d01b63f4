import { batch, computed, signal } from '@preact/signals';
import type { ANNOUNCEMENT_EVENTS as SCHEMA_EVENTS, AnnouncementItem, AnnouncementsState, PROMPT_EVENTS } from '@hearth/schema';
import { fillPlaceholders, type Track, type Traits } from '../../runtime/index.js';
import type { AnnouncementsI18n } from './i18n/index.js';

/**
 * Events the widget tracks through the core (consent and the outbox apply); the server derives
 * each user's read state from them, so it is the same on every device and tab.
 * - `$announcement_read` `{ announcementId }`: the item was visible in the open feed.
 * - `$announcement_reacted` `{ announcementId, reaction, feedback? }`.
 * - `$announcement_cta_clicked` `{ announcementId }` (an event CTA also tracks its own event).
 * - `$prompt_shown` `{ promptId, kind: 'announcement' }`: a boosted toast/modal was shown (the
 *   fatigue budget counts it).
 * - `$announcement_digest_shown` `{ announcementIds }`.
 */
export const EVENTS = {
  read: '$announcement_read',
  reacted: '$announcement_reacted',
  ctaClicked: '$announcement_cta_clicked',
  digestShown: '$announcement_digest_shown',
  shown: '$prompt_shown',
} as const satisfies typeof SCHEMA_EVENTS & Pick<typeof PROMPT_EVENTS, 'shown'>;

export type Page = { items: AnnouncementItem[]; nextCursor?: string };

export interface AnnouncementsModelOptions {
  state: AnnouncementsState;
  /** From `loadI18n(locale, ANNOUNCEMENTS_CATALOGS)`: the runtime's and the widget's messages, direction, `Intl` formats. */
  i18n: AnnouncementsI18n;
  traits?: Traits;
  track: Track;
  /** Fetches the page after `cursor` (`GET /v1/announcements?before=`); absent: no paging. */
  loadPage?: (cursor: string) => Promise<Page>;
}

export type AnnouncementsModel = ReturnType<typeof createAnnouncementsModel>;
export type Reaction = 'up' | 'down';

/**
 * One value per announcement id, made on first use. Each item reads only its own signals, so
 * marking one item read or reacting to it re-renders that item, not all 1,000 of a long feed.
 */
function perId<T>(make: (id: string) => T): (id: string) => T {
  const made = new Map<string, T>();
  return (id) => {
    let value = made.get(id);
    if (value === undefined) made.set(id, (value = make(id)));
    return value;
  };
}

export function createAnnouncementsModel(options: AnnouncementsModelOptions) {
  const { track, loadPage } = options;
  const state = signal(options.state);
  const extra = signal<AnnouncementItem[]>([]);
  const cursor = signal(options.state.nextCursor);
  const i18n = signal(options.i18n);
  const traits = signal(options.traits ?? {});
  const open = signal(false);
  const focusId = signal<string | undefined>(undefined);
  // Applied at once, before the server has seen the events; kept across state refreshes.
  const readHere = perId(() => signal(false));
  const reactedHere = perId(() => signal<Reaction | undefined>(undefined));
  const focused = perId((id) => computed(() => focusId.value === id));
  const boostDone = signal(false);
  const digestDone = signal(false);
  const loading = signal(false);
  /** How many unread items the last refresh brought: the feed's polite live region says so, once. */
  const arrived = signal(0);
  const known = new Set(options.state.items.map((item) => item.id));
  let pending: Promise<void> | undefined;

  const fill = (text: string) => fillPlaceholders(text, traits.value);
  const isRead = (item: AnnouncementItem) => item.read || readHere(item.id).value;
  const items = computed(() => {
    const seen = new Set<string>();
    return [...state.value.items, ...extra.value].filter((item) => !seen.has(item.id) && !!seen.add(item.id));
  });
  // The server counts everything visible; subtract what was read here and the server does not know yet.
  const unread = computed(() => Math.max(0, state.value.unread - items.value.filter((i) => !i.read && readHere(i.id).value).length));
  const digest = computed(() => (digestDone.value ? undefined : state.value.digest));
  const boosted = computed(() => (boostDone.value || digest.value ? undefined : state.value.boosted));
  const reactionOf = (item: AnnouncementItem) => reactedHere(item.id).value ?? item.reaction;
  const isFocused = (id: string) => focused(id).value;
  const has = (id: string) => items.value.some((item) => item.id === id);

  const actions = {
    update(next: AnnouncementsState) {
      const shown = items.value;
      const fresh = next.items.filter((item) => !known.has(item.id) && !item.read);
      for (const item of next.items) known.add(item.id);
      batch(() => {
        if (fresh.length) arrived.value = fresh.length;
        // A digest or boost on screen stays until dismissed: once its display is stored, the server
        // stops offering it, and the refresh that follows must not snatch it from the reader.
        const { digest: shownDigest, boosted: shownBoost } = state.value;
        state.value = {
          ...next,
          ...(shownDigest && !next.digest ? { digest: shownDigest } : {}),
          ...(shownBoost && !next.boosted ? { boosted: shownBoost } : {}),
        };
        // The refresh brings the first page again. While the feed is open, the pages the reader
        // loaded stay after it, with their cursor: the feed must not fold back to one page under
        // the reader (a refresh follows the read events the feed itself sends). Closed, it starts
        // over, so nothing loaded for one visitor outlives a refresh for another.
        if (open.value && extra.value.length) {
          const fresh = new Set(next.items.map((item) => item.id));
          extra.value = shown.filter((item) => !fresh.has(item.id));
        } else {
          extra.value = [];
          cursor.value = next.nextCursor;
        }
      });
    },
    setContext(context: { i18n?: AnnouncementsI18n; traits?: Traits }) {
      batch(() => {
        if (context.i18n) i18n.value = context.i18n;
        if (context.traits) traits.value = context.traits;
      });
    },
    toggle() {
      if (open.value) actions.close();
      else actions.openItem();
    },
    /**
     * Opens the feed on one announcement (deep link, toast, digest entry). One that is not loaded
     * yet is looked for page by page, each page fetched and rendered in tasks of its own.
     */
    async openItem(id?: string) {
      batch(() => {
        open.value = true;
        focusId.value = id;
        // One surface at a time: the feed shows what the toast or digest pointed at.
        boostDone.value = digestDone.value = true;
      });
      while (id && open.value && focusId.value === id && !has(id) && cursor.value) {
        const before = cursor.value;
        await actions.loadMore();
        // No page came (no paging, offline, throttled): the feed shows what it has.
        if (cursor.value === before) return;
      }
    },
    /** The feed stays mounted, hidden: opening it on an item later must focus that item again. */
    close() {
      batch(() => {
        open.value = false;
        focusId.value = undefined;
      });
    },
    /** Called once an item has been visible in the open feed. */
    markRead(id: string) {
      const item = items.value.find((candidate) => candidate.id === id);
      if (!item || isRead(item)) return;
      readHere(id).value = true;
      track(EVENTS.read, { announcementId: id });
    },
    react(id: string, reaction: Reaction, feedback?: string) {
      const text = feedback?.trim().slice(0, 280);
      reactedHere(id).value = reaction;
      track(EVENTS.reacted, { announcementId: id, reaction, ...(text ? { feedback: text } : {}) });
    },
    cta(item: AnnouncementItem) {
      track(EVENTS.ctaClicked, { announcementId: item.id });
      if (item.cta?.type === 'event') track(item.cta.name, { announcementId: item.id });
    },
    boostShown(id: string) {
      track(EVENTS.shown, { promptId: id, kind: 'announcement' });
    },
    dismissBoost() {
      boostDone.value = true;
    },
    digestShown(ids: string[]) {
      track(EVENTS.digestShown, { announcementIds: ids });
    },
    dismissDigest() {
      digestDone.value = true;
    },
    /** The next page; while one is on its way, that one. A failed page changes nothing ("more" stays). */
    loadMore(): Promise<void> {
      const after = cursor.value;
      if (pending || !after || !loadPage) return pending ?? Promise.resolve();
      loading.value = true;
      pending = loadPage(after)
        .then((page) => {
          batch(() => {
            extra.value = [...extra.value, ...page.items];
            cursor.value = page.nextCursor;
          });
        })
        // Never into the host page: the collector or the network failed, the reader can retry.
        .catch(() => {})
        .finally(() => {
          pending = undefined;
          loading.value = false;
        });
      return pending;
    },
  };

  const hasMore = computed(() => !!cursor.value && !!loadPage);
  return { i18n, fill, items, unread, arrived, open, boosted, digest, loading, hasMore, isRead, isFocused, reactionOf, actions };
}
