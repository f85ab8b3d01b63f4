import type { ProjectLocales } from '@hearth/schema';
import { pickLocale } from '../state/localize.js';

/**
 * The locale a user is served in: theirs when the project offers it (exactly or by language,
 * `fr-CA` → `fr`), else the project's default. Without a project locale list, the user's own
 * locale (or none) goes on to each prompt's translations unchanged.
 */
export function servedLocale(locales: ProjectLocales | undefined, requested: string | null): string | null {
  if (!locales) return requested;
  return pickLocale(locales.supported, requested, locales.default);
}
