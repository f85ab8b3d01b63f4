import type { Ref } from 'preact';
import { signal, type Signal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { trapFocus } from '../../runtime/modal/trap-focus.js';
import { Shell, useCorner, type Corner, type Theme } from '../../runtime/index.js';
import { categoryLabel, FeedItem } from './item.js';
import type { AnnouncementsModel } from './model.js';
import { readTracker, type ReadTracker } from './visibility.js';

export interface AnnouncementsViewProps {
  model: AnnouncementsModel;
  theme: Theme;
  corner: Corner;
  /** Inline: the feed lives in the host's mount point, no bell. */
  floating: boolean;
  pageUrl: string;
}

const PANEL_ID = 'hearth-news';
/**
 * Items rendered per task. A long list (opened after a deep link paged far, an inline feed, a
 * feed refreshed with many pages loaded) renders this many at a time, each batch in a task of its
 * own, so no task nears 50 ms and clicks are answered in between.
 */
const CHUNK = 20;

/** The bell with the unread count: a disclosure toggle for the feed panel. */
function Bell({ model, buttonRef }: { model: AnnouncementsModel; buttonRef: Ref<HTMLButtonElement> }) {
  const i18n = model.i18n.value;
  const unread = model.unread.value;
  const news = i18n.t('news');
  return (
    <button
      type="button"
      class="launcher"
      ref={buttonRef}
      aria-label={unread ? `${news}, ${i18n.t('unread', { count: unread })}` : news}
      aria-expanded={model.open.value}
      aria-controls={PANEL_ID}
      onClick={model.actions.toggle}
    >
      <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
        <path d="M18 8a6 6 0 1 0-12 0c0 7-3 9-3 9h18s-3-2-3-9M13.7 21a2 2 0 0 1-3.4 0" />
      </svg>
      {unread > 0 && (
        <span class="badge" aria-hidden="true">
          {i18n.formatNumber(unread)}
        </span>
      )}
    </button>
  );
}

function Panel({
  model,
  pageUrl,
  onClose,
  hidden,
}: {
  model: AnnouncementsModel;
  pageUrl: string;
  onClose?: () => void;
  hidden?: boolean;
}) {
  const { t } = model.i18n.value;
  const items = model.items.value;
  // Kept in a ref, not `useState`: its reducer machinery would grow the shared runtime chunk.
  const local = useRef<{ limit: Signal<number>; reads: ReadTracker }>();
  const { limit, reads } = (local.current ??= { limit: signal(CHUNK), reads: readTracker() });
  const shown = limit.value;
  const ref = useRef<HTMLElement>(null);
  useEffect(() => reads.stop, []);
  useCorner(ref, !!onClose && !hidden, model.actions.close);
  // Opened from the bell: focus moves into the feed (an item opened by link has taken it already).
  useEffect(() => {
    const panel = ref.current;
    if (onClose && !hidden && panel && !panel.contains((panel.getRootNode() as ShadowRoot).activeElement)) panel.focus();
  }, [hidden]);
  useEffect(() => {
    if (shown >= items.length) return;
    const timer = setTimeout(() => (limit.value = shown + CHUNK));
    return () => clearTimeout(timer);
  }, [shown, items.length]);
  return (
    <section class="panel" id={PANEL_ID} ref={ref} tabIndex={-1} hidden={hidden} aria-labelledby="hearth-news-title">
      <div class="head">
        <h2 id="hearth-news-title">{t('news')}</h2>
        {onClose && (
          <button type="button" class="icon-btn" aria-label={t('close')} onClick={onClose}>
            ×
          </button>
        )}
      </div>
      {items.length === 0 && <p class="empty">{t('empty')}</p>}
      {items.slice(0, shown).map((item) => (
        <FeedItem key={item.id} item={item} model={model} pageUrl={pageUrl} reads={reads} />
      ))}
      {model.hasMore.value && (
        <button type="button" class="btn more" disabled={model.loading.value} onClick={() => void model.actions.loadMore()}>
          {t('more')}
        </button>
      )}
    </section>
  );
}

/** A boosted announcement: a corner toast, or a modal dialog that traps focus until closed. */
function Boost({ model, onOpen }: { model: AnnouncementsModel; onOpen: (id: string) => void }) {
  const boost = model.boosted.value;
  const ref = useRef<HTMLDivElement>(null);
  const { t } = model.i18n.value;
  const id = boost?.item.id;
  useCorner(ref, boost?.style === 'toast');
  useEffect(() => {
    const dialog = ref.current;
    if (!id) return;
    model.actions.boostShown(id);
    if (boost.style !== 'modal' || !dialog) return;
    // The backdrop dims every Hearth surface: last in the page, this corner's dock paints above the
    // others (same z-index). Moved before focus goes in, since moving drops focus.
    const dock = (dialog.getRootNode() as ShadowRoot).host.closest('hearth-dock');
    dock?.parentNode?.append(dock);
    return trapFocus(dialog);
  }, [id]);
  if (!boost) return null;
  const { item, style } = boost;
  const modal = style === 'modal';
  const close = model.actions.dismissBoost;
  return (
    <div class={modal ? 'backdrop' : undefined}>
      <div
        class={`boost ${style}`}
        ref={ref}
        role={modal ? 'dialog' : 'status'}
        aria-modal={modal || undefined}
        aria-labelledby="hearth-boost-title"
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <p class="meta">
          <span class="cat">{categoryLabel(item, model.i18n.value, model.fill)}</span>
        </p>
        <h2 id="hearth-boost-title">{model.fill(item.title)}</h2>
        <div class="row">
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => {
              close();
              onOpen(item.id);
            }}
          >
            {t('open')}
          </button>
          <button type="button" class="btn" onClick={close}>
            {t('close')}
          </button>
        </div>
      </div>
    </div>
  );
}

/** "Since you were away": the titles of what shipped since the last visit, shown once. */
function Digest({ model, onOpen }: { model: AnnouncementsModel; onOpen: (id: string) => void }) {
  const digest = model.digest.value;
  const i18n = model.i18n.value;
  const { t } = i18n;
  const key = digest?.entries.map((e) => e.id).join();
  const ref = useRef<HTMLElement>(null);
  useCorner(ref, !!digest);
  useEffect(() => {
    if (digest) model.actions.digestShown(digest.entries.map((e) => e.id));
  }, [key]);
  if (!digest) return null;
  return (
    <section class="boost toast digest" ref={ref} aria-labelledby="hearth-digest-title">
      <div class="head">
        <h2 id="hearth-digest-title">{t('away')}</h2>
        <button type="button" class="icon-btn" aria-label={t('close')} onClick={model.actions.dismissDigest}>
          ×
        </button>
      </div>
      <ul>
        {digest.entries.map((entry) => (
          <li key={entry.id}>
            <span class="cat">{categoryLabel(entry, i18n, model.fill)}</span>{' '}
            <button
              type="button"
              class="link"
              onClick={() => {
                model.actions.dismissDigest();
                onOpen(entry.id);
              }}
            >
              {model.fill(entry.title)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function AnnouncementsView({ model, theme, corner, floating, pageUrl }: AnnouncementsViewProps) {
  const bell = useRef<HTMLButtonElement>(null);
  // Once opened, the feed is hidden on close rather than unmounted: tearing down and rebuilding a
  // 1,000-item feed took one long task per click. Hidden with `content-visibility: hidden`
  // (styles.ts), Chromium keeps its layout, so showing it again is one cheap style change.
  const opened = useRef(false);
  const open = model.open.value;
  opened.current ||= open;
  const i18n = model.i18n.value;
  const arrived = model.arrived.value;
  // Said once per refresh that brings new items, politely, whether or not the feed is open.
  const live = (
    <p class="sr-only" role="status">
      {arrived ? i18n.t('arrived', { count: arrived }) : ''}
    </p>
  );
  const close = () => {
    model.actions.close();
    bell.current?.focus();
  };
  if (!floating)
    return (
      <Shell i18n={i18n} theme={theme}>
        {live}
        <Panel model={model} pageUrl={pageUrl} />
      </Shell>
    );
  const modal = model.boosted.value?.style === 'modal';
  const boost = <Boost model={model} onOpen={model.actions.openItem} />;
  return (
    <Shell i18n={i18n} theme={theme}>
      {live}
      {/* Corners are physical: lay the corner out LTR, the panel in the locale's direction. The bell
          comes first, so Tab goes from it into the feed drawn above it; Escape anywhere closes. */}
      <div class="float" data-corner={corner} dir="ltr" onKeyDown={(e) => open && e.key === 'Escape' && close()}>
        <Bell model={model} buttonRef={bell} />
        <div dir={i18n.dir} class="stack">
          {!modal && boost}
          <Digest model={model} onOpen={model.actions.openItem} />
          {opened.current && <Panel model={model} pageUrl={pageUrl} onClose={close} hidden={!open} />}
        </div>
      </div>
      {/* After the bell, so its backdrop dims the bell too. */}
      {modal && <div dir={i18n.dir}>{boost}</div>}
    </Shell>
  );
}
