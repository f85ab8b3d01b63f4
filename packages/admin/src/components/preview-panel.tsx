import { useEffect, useRef, useState } from 'preact/hooks';
import { mountPreview, type PreviewTarget, type Theme } from '../preview/mount-preview.js';
import { localeOfUser, previewApi, SAMPLE_USER, type PreviewApi, type PreviewUser } from '../preview/preview-user.js';
import { UserPicker } from '../preview/user-picker.js';
import { CheckboxField, SelectField } from './choice-fields.js';
import { ExplainPanel } from './explain-panel.js';
import { TextField } from './field.js';

export interface PreviewPanelProps {
  /** Locales to offer: the default first, then the translations'. */
  locales: readonly string[];
  /** The draft as the widget would receive it, for the chosen locale; null while it does not validate. */
  target: (locale: string) => PreviewTarget | null;
  /** A saved prompt's id: the collector then explains, for the chosen real user, why it would or would not show. */
  explainFor?: string | null;
  /** The collector calls (user search, explain); tests pass fakes. */
  api?: PreviewApi;
  /** How many problems keep the draft from validating; with `onShowProblems`, the panel offers to show them. */
  problems?: number;
  onShowProblems?: () => void;
}

/**
 * The draft rendered by the widget's own components for the sample user or a chosen real one
 * (their traits fill the placeholders, their `locale` trait picks the language), in the chosen
 * locale and theme; for a real user, the collector's "would they see it?" beside it.
 */
export function PreviewPanel({ locales, target, explainFor = null, api = previewApi, problems = 0, onShowProblems }: PreviewPanelProps) {
  const box = useRef<HTMLDivElement>(null);
  const [locale, setLocale] = useState(locales[0] ?? 'en');
  const [dark, setDark] = useState(false);
  const [brandColor, setBrandColor] = useState('#4f46e5');
  const [user, setUser] = useState<PreviewUser>(SAMPLE_USER);
  const [error, setError] = useState('');
  const shownLocale = locales.includes(locale) ? locale : (locales[0] ?? 'en');
  const current = target(shownLocale);
  const key = JSON.stringify([current, shownLocale, dark, brandColor, user.traits]);
  useEffect(() => {
    const container = box.current;
    if (!container || !current) return;
    const theme: Theme = { mode: dark ? 'dark' : 'light', brandColor };
    let unmount: (() => void) | null = null;
    let cancelled = false;
    setError('');
    mountPreview(container, current, shownLocale, theme, user.traits).then(
      (done) => (cancelled ? done() : (unmount = done)),
      (failure: Error) => setError(`The preview could not render: ${failure.message}`),
    );
    return () => {
      cancelled = true;
      unmount?.();
    };
  }, [key]);
  const choose = (next: PreviewUser) => {
    setUser(next);
    const own = localeOfUser(next, locales);
    if (own) setLocale(own);
  };
  return (
    <>
      <section class="panel" aria-labelledby="preview-title">
        <h2 id="preview-title">Preview</h2>
        <UserPicker value={user} onChange={choose} search={api.search} />
        <div class="inline-form">
          <SelectField
            id="preview-locale"
            label="Locale"
            value={shownLocale}
            options={locales.map((tag) => [tag, tag] as const)}
            onChange={setLocale}
          />
          <CheckboxField id="preview-dark" label="Dark mode" checked={dark} onChange={setDark} />
          <TextField id="preview-brand" label="Brand colour" value={brandColor} onInput={setBrandColor} />
        </div>
        {!current &&
          (problems > 0 ? (
            <p class="hint">
              The preview shows once the draft is valid: {problems === 1 ? 'one problem' : `${problems} problems`} to fix.{' '}
              {onShowProblems && (
                <button type="button" class="secondary small" onClick={onShowProblems}>
                  Show the problems
                </button>
              )}
            </p>
          ) : (
            <p class="hint">Preparing the preview…</p>
          ))}
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <div class="preview-box" ref={box} data-testid="preview" />
        <p class="hint">Rendered by the widget's own components; nothing you click here is recorded.</p>
      </section>
      {explainFor && <ExplainPanel promptId={explainFor} userId={user.userId} explain={api.explain} />}
    </>
  );
}
