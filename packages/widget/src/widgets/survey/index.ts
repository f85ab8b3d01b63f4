/**
 * The survey chunk's face, loaded by the core's widget registry
 * (`survey: () => import('../widgets/survey/index.js')`).
 */
import { h } from 'preact';
import { loadI18n, localeFor, mount, type Corner, type Theme, type Traits } from '../../runtime/index.js';
import { createSurveyModel, type SurveyModelOptions } from './model.js';
import { SurveyView } from './survey.js';
import { surveySheet } from './styles.js';

export { EVENTS as SURVEY_EVENTS, THANKS_MS, type SurveyResponseBody } from './model.js';
export { createResponder } from './responder.js';

export interface MountSurveyOptions extends Omit<SurveyModelOptions, 'i18n'> {
  document?: Document;
  /** From `init`/`identify`; resolved against the browser's languages, falling back to English. */
  locale?: string;
  theme?: Theme;
  /** Where the corner card sits. Default `bottom-right`. */
  corner?: Corner;
}

/** What the core holds for a mounted survey. */
export interface SurveyHandle {
  setContext(context: { locale?: string; traits?: Traits }): Promise<void>;
  unmount(): void;
}

/** Resolves once the locale's strings are loaded and the survey is on screen (`$prompt_shown` tracked). */
export async function mountSurvey(options: MountSurveyOptions): Promise<SurveyHandle> {
  const doc = options.document ?? globalThis.document;
  const model = createSurveyModel({ ...options, i18n: await loadI18n(localeFor(options.locale, doc)) });
  const corner = options.corner ?? 'bottom-right';
  const view = h(SurveyView, { model, theme: options.theme ?? {}, corner });
  // A corner card joins its corner's dock (stacked with the checklist there); a modal covers all.
  const unmount = mount({ corner: options.survey.display === 'modal' ? undefined : corner, document: doc, sheets: [surveySheet()], view });
  model.actions.shown();
  let latest = 0;
  return {
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
