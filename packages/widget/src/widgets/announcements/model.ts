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
  const readHere = signal<ReadonlySet<string>>(new Set());
  const reactedHere = signal<ReadonlyMap<string, Reaction>>(new Map());
  const boostDone = signal(false);
  const digestDone = signal(false);
  const loading = signal(false);

  const fill = (text: string) => fillPlaceholders(text, traits.value);
  const isRead = (item: AnnouncementItem) => item.read || readHere.value.has(item.id);
  const items = computed(() => {
    const seen = new Set<string>();
    return [...state.value.items, ...extra.value].filter((item) => !seen.has(item.id) && !!seen.add(item.id));
  });
  // The server counts everything visible; subtract what was read here and the server does not know yet.
  const unread = computed(() => Math.max(0, state.value.unread - items.value.filter((i) => !i.read && readHere.value.has(i.id)).length));
  const digest = computed(() => (digestDone.value ? undefined : state.value.digest));
  const boosted = computed(() => (boostDone.value || digest.value ? undefined : state.value.boosted));
  const reactionOf = (item: AnnouncementItem) => reactedHere.value.get(item.id) ?? item.reaction;

  const actions = {
    update(next: AnnouncementsState) {
      batch(() => {
        // A digest or boost on screen stays until dismissed: once its display is stored, the server
        // stops offering it, and the refresh that follows must not snatch it from the reader.
        const { digest: shownDigest, boosted: shownBoost } = state.value;
        state.value = { ...next, ...(shownDigest && !next.digest ? { digest: shownDigest } : {}), ...(shownBoost && !next.boosted ? { boosted: shownBoost } : {}) };
        extra.value = [];
        cursor.value = next.nextCursor;
      });
    },
    setContext(context: { i18n?: AnnouncementsI18n; traits?: Traits }) {
      batch(() => {
        if (context.i18n) i18n.value = context.i18n;
        if (context.traits) traits.value = context.traits;
      });
    },
    toggle() {
      open.value = !open.value;
    },
    /** Opens the feed on one announcement (deep link, toast, digest entry). */
    openItem(id?: string) {
      batch(() => {
        open.value = true;
        focusId.value = id;
      });
    },
    close() {
      open.value = false;
    },
    /** Called once an item has been visible in the open feed. */
    markRead(id: string) {
      const item = items.value.find((candidate) => candidate.id === id);
      if (!item || isRead(item)) return;
      readHere.value = new Set(readHere.value).add(id);
      track(EVENTS.read, { announcementId: id });
    },
    react(id: string, reaction: Reaction, feedback?: string) {
      const text = feedback?.trim().slice(0, 280);
      reactedHere.value = new Map(reactedHere.value).set(id, reaction);
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
    async loadMore() {
      const after = cursor.value;
      if (!after || !loadPage || loading.value) return;
      loading.value = true;
      try {
        const page = await loadPage(after);
        batch(() => {
          extra.value = [...extra.value, ...page.items];
          cursor.value = page.nextCursor;
        });
      } finally {
        loading.value = false;
      }
    },
  };

  const hasMore = computed(() => !!cursor.value && !!loadPage);
  return { i18n, fill, items, unread, open, focusId, boosted, digest, loading, hasMore, isRead, reactionOf, actions };
}
