/**
 * The announcements chunk's face, loaded by the core's widget registry
 * (`announcements: () => import('../widgets/announcements/index.js')`).
 */
import type { AnnouncementsState } from '@hearth/schema';
import { h } from 'preact';
import { loadI18n, localeFor, mount, type Corner, type Theme, type Traits } from '../../runtime/index.js';
import { ANNOUNCEMENTS_CATALOGS } from './i18n/index.js';
import { createAnnouncementsModel, type AnnouncementsModelOptions } from './model.js';
import { announcementsSheet } from './styles.js';
import { AnnouncementsView } from './view.js';

export { EVENTS as ANNOUNCEMENT_EVENTS } from './model.js';
export { bellCorner, feedPageLoader } from './placement.js';

/** `#hearth-news/<id>` opens that announcement; `#hearth-news` opens the feed. */
const DEEP_LINK = /^#hearth-news(?:\/([a-z0-9][a-z0-9_-]{0,63}))?$/;

export interface MountAnnouncementsOptions extends Omit<AnnouncementsModelOptions, 'i18n'> {
  /** Inline mount point (`<div data-hearth="announcements">`); absent: a floating bell. */
  container?: Element;
  document?: Document;
  /** From `init`/`identify`; resolved against the browser's languages, falling back to English. */
  locale?: string;
  theme?: Theme;
  corner?: Corner;
}

export interface AnnouncementsHandle {
  /** Fresh `announcements` from `/v1/state`: unread count and items update in place. */
  update(state: AnnouncementsState): void;
  setContext(context: { locale?: string; traits?: Traits }): Promise<void>;
  /** Opens the feed, on one announcement when `id` is given. */
  open(id?: string): void;
  unmount(): void;
}

export async function mountAnnouncements(options: MountAnnouncementsOptions): Promise<AnnouncementsHandle> {
  const { container, theme = {}, corner = 'bottom-right' } = options;
  const doc = options.document ?? globalThis.document;
  const win = doc.defaultView;
  const model = createAnnouncementsModel({ ...options, i18n: await loadI18n(localeFor(options.locale, doc), ANNOUNCEMENTS_CATALOGS) });
  const view = h(AnnouncementsView, { model, theme, corner, floating: !container, pageUrl: doc.URL });
  const unmount = mount({ container, corner: container ? undefined : corner, document: doc, sheets: [announcementsSheet()], view });
  const onHash = () => {
    const match = DEEP_LINK.exec(win?.location.hash ?? '');
    if (match) void model.actions.openItem(match[1]);
  };
  onHash();
  win?.addEventListener('hashchange', onHash);
  let latest = 0;
  return {
    update: model.actions.update,
    async setContext({ locale, traits }) {
      const request = ++latest;
      const i18n = locale === undefined ? undefined : await loadI18n(localeFor(locale, doc), ANNOUNCEMENTS_CATALOGS);
      if (request === latest) model.actions.setContext({ i18n, traits });
    },
    open: model.actions.openItem,
    unmount() {
      win?.removeEventListener('hashchange', onHash);
      unmount();
    },
  };
}
