/**
 * The shared lazy UI runtime: Preact, signals, the shadow-root shell, theme and i18n. Loaded by
 * the first widget chunk that needs it; the always-loaded core never imports it statically.
 */
export { mount, type MountOptions } from './mount.js';
export { Shell } from './shell.js';
export { Launcher } from './launcher.js';
export { useCorner } from './corners.js';
export { lazySheet } from './styles.js';
export { themeProperties, type Theme, type ColorMode, type Corner } from './theme.js';
export { safeUrl } from './safe-url.js';
export { fillPlaceholders } from './fill-placeholders.js';
export {
  createI18n,
  loadI18n,
  resolveLocale,
  localeFor,
  isRtl,
  LOCALES,
  DEFAULT_LOCALE,
  type I18n,
  type Locale,
  type MessageKey,
} from './i18n/index.js';
export type * from './state-types.js';
