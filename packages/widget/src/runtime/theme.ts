import type { Theme } from '@hearth/schema';

/** The theme's shape comes from the collector's schema (`themeSchema`), as a type only. */
export type { ColorMode, Theme } from '@hearth/schema';
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/**
 * The config values as `--hearth-config-*` properties on the widget root. The stylesheet reads
 * `var(--hearth-brand, var(--hearth-config-brand, …))`, so a host's `--hearth-brand` (inherited
 * through the shadow boundary) wins over the config. Preact writes these through
 * `style.setProperty` (CSSOM), which a strict `style-src` CSP allows, unlike `style=""` markup.
 */
export function themeProperties(theme: Theme): Record<string, string> {
  const properties: Record<string, string> = {};
  if (theme.brandColor) properties['--hearth-config-brand'] = theme.brandColor;
  if (theme.radius !== undefined) properties['--hearth-config-radius'] = `${theme.radius}px`;
  if (theme.font) properties['--hearth-config-font'] = theme.font;
  return properties;
}
