import type { ComponentChildren } from 'preact';
import type { I18n } from './i18n/index.js';
import { themeProperties, type Theme } from './theme.js';

interface ShellProps {
  i18n: I18n;
  theme: Theme;
  children: ComponentChildren;
}

/** Every widget's outermost element: language, direction, colour mode and theme properties. */
export function Shell({ i18n, theme, children }: ShellProps) {
  return (
    <div class="root" lang={i18n.locale} dir={i18n.dir} data-mode={theme.mode ?? 'auto'} style={themeProperties(theme)}>
      {children}
    </div>
  );
}
