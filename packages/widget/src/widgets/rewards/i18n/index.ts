import type { Catalogs, I18n, MessageKey } from '../../../runtime/i18n/index.js';
import { en, type RewardsCatalog } from './en.js';

/** English is in the rewards chunk; each other locale is a chunk of its own, fetched only when needed. */
export const REWARDS_CATALOGS: Catalogs<RewardsCatalog> = {
  en: async () => en,
  id: () => import('./id.js').then((m) => m.id),
  ms: () => import('./ms.js').then((m) => m.ms),
  nb: () => import('./nb.js').then((m) => m.nb),
  ar: () => import('./ar.js').then((m) => m.ar),
};

export type RewardsKey = keyof RewardsCatalog;
/** The runtime's messages (for example `done`) and the panel's own. */
export type RewardsI18n = I18n<MessageKey | RewardsKey>;
