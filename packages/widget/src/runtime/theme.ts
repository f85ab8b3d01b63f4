export type ColorMode = 'light' | 'dark' | 'auto';
export type Corner = 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';

/** Theme from the project config; hosts override any of it with `--hearth-*` custom properties. */
export interface Theme {
  /** Any CSS colour. */
  brandColor?: string;
  /** Corner radius of cards, in px. */
  radius?: number;
  /** A CSS `font-family` list. */
  font?: string;
  /** `auto` follows `prefers-color-scheme`. */
  mode?: ColorMode;
}

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
