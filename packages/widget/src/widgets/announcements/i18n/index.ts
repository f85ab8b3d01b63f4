import type { ANNOUNCEMENT_CATEGORIES } from '@hearth/schema';
import type { Catalogs, I18n, MessageKey } from '../../../runtime/i18n/index.js';
import { en, type AnnouncementsCatalog } from './en.js';

/** English is in the announcements chunk; each other locale is a chunk of its own, fetched only when needed. */
export const ANNOUNCEMENTS_CATALOGS: Catalogs<AnnouncementsCatalog> = {
  en: async () => en,
  id: () => import('./id.js').then((m) => m.id),
  ms: () => import('./ms.js').then((m) => m.ms),
  nb: () => import('./nb.js').then((m) => m.nb),
  ar: () => import('./ar.js').then((m) => m.ar),
};

/** The runtime's messages (for example `send`, `thanks`) and the widget's own. */
export type AnnouncementsI18n = I18n<MessageKey | keyof AnnouncementsCatalog>;

type Category = (typeof ANNOUNCEMENT_CATEGORIES)[number];
/** The built-in categories, each named by the catalog message of the same key. */
const BUILT_IN: ReadonlySet<string> = new Set<Category>(['new', 'improved', 'fixed']);
export const isBuiltInCategory = (slug: string): slug is Category => BUILT_IN.has(slug);
