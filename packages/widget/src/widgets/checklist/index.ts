/**
 * The checklist chunk's face, loaded by the core's widget registry
 * (`checklist: () => import('../widgets/checklist/index.js')`).
 */
import { h } from 'preact';
import { loadI18n, localeFor, mount, type ChecklistState, type Corner, type Theme, type Traits } from '../../runtime/index.js';
import { ChecklistView } from './checklist.js';
import { createChecklistModel, type ChecklistModelOptions } from './model.js';
import { checklistSheet } from './styles.js';

export interface MountChecklistOptions extends Omit<ChecklistModelOptions, 'i18n'> {
  /** Inline mount point (`<div data-hearth="checklist">`); absent: a floating corner card. */
  container?: Element;
  document?: Document;
  /** From `init`/`identify`; resolved against the browser's languages, falling back to English. */
  locale?: string;
  theme?: Theme;
  /** Where the floating launcher sits. Default `bottom-right`. */
  corner?: Corner;
}

/** What the core holds for a mounted checklist. */
export interface ChecklistHandle {
  /** Fresh progress from `/v1/state`: done items tick, without remounting. */
  update(checklist: ChecklistState): void;
  /** After `identify` or a locale change: re-localizes and re-personalizes in place. */
  setContext(context: { locale?: string; traits?: Traits }): Promise<void>;
  unmount(): void;
}

/** Resolves once the locale's strings are loaded and the checklist is on screen. */
export async function mountChecklist(options: MountChecklistOptions): Promise<ChecklistHandle> {
  const { container, theme = {}, corner = 'bottom-right' } = options;
  const doc = options.document ?? globalThis.document;
  const model = createChecklistModel({ ...options, i18n: await loadI18n(localeFor(options.locale, doc)) });
  const view = h(ChecklistView, { model, theme, corner, floating: !container, baseUrl: doc.baseURI });
  const unmount = mount({ container, corner: container ? undefined : corner, document: doc, sheets: [checklistSheet()], view });
  if (model.visible.value) model.actions.shown();
  // Only the latest locale request applies, whichever catalog arrives first.
  let latest = 0;
  return {
    update: model.actions.update,
    async setContext({ locale, traits }) {
      const request = ++latest;
      const i18n = locale === undefined ? undefined : await loadI18n(localeFor(locale, doc));
      if (request === latest) model.actions.setContext({ i18n, traits });
    },
    unmount() {
      model.actions.dispose();
      unmount();
    },
  };
}
