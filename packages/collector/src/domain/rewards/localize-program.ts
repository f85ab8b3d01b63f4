import type { RewardsConfig } from '@hearth/schema';
import { pickLocale } from '../state/localize.js';

/**
 * The program with its user-facing texts (rule titles, badge names, tier names and perks, catalog
 * names and descriptions) in the user's locale where the program has them, text by text; what a
 * translation leaves out stays as written. No locale, or none that matches: the program as is.
 */
export function localizeProgram(config: RewardsConfig, userLocale: string | null): RewardsConfig {
  const locale = pickLocale(Object.keys(config.translations), userLocale, '');
  const translation = config.translations[locale];
  if (!translation) return config;
  const over = <T extends { id: string }>(entries: T[], texts: Record<string, Partial<T>>): T[] =>
    entries.map((entry) => ({
      ...entry,
      ...Object.fromEntries(Object.entries(texts[entry.id] ?? {}).filter(([, value]) => value !== undefined)),
    }));
  return {
    ...config,
    rules: over(config.rules, translation.rules),
    badges: over(config.badges, translation.badges),
    tiers: over(config.tiers, translation.tiers),
    catalog: over(config.catalog, translation.catalog),
  };
}
