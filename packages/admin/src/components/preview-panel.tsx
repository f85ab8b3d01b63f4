import { useEffect, useRef, useState } from 'preact/hooks';
import { mountPreview, type PreviewTarget, type Theme } from '../preview/mount-preview.js';
import { CheckboxField, SelectField } from './choice-fields.js';
import { TextField } from './field.js';

interface Props {
  /** Locales to offer: the default first, then the translations'. */
  locales: readonly string[];
  /** The draft as the widget would receive it, for the chosen locale; null while it does not validate. */
  target: (locale: string) => PreviewTarget | null;
}

/** The draft rendered by the widget's own components, in the chosen locale and theme. */
export function PreviewPanel({ locales, target }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [locale, setLocale] = useState(locales[0] ?? 'en');
  const [dark, setDark] = useState(false);
  const [brandColor, setBrandColor] = useState('#4f46e5');
  const [error, setError] = useState('');
  const current = target(locales.includes(locale) ? locale : (locales[0] ?? 'en'));
  const key = JSON.stringify([current, locale, dark, brandColor]);
  useEffect(() => {
    const container = box.current;
    if (!container || !current) return;
    const theme: Theme = { mode: dark ? 'dark' : 'light', brandColor };
    let unmount: (() => void) | null = null;
    let cancelled = false;
    setError('');
    mountPreview(container, current, locale, theme).then(
      (done) => (cancelled ? done() : (unmount = done)),
      (failure: Error) => setError(`The preview could not render: ${failure.message}`),
    );
    return () => {
      cancelled = true;
      unmount?.();
    };
  }, [key]);
  return (
    <section class="panel" aria-labelledby="preview-title">
      <h2 id="preview-title">Preview</h2>
      <div class="inline-form">
        <SelectField id="preview-locale" label="Locale" value={locale} options={locales.map((tag) => [tag, tag] as const)} onChange={setLocale} />
        <CheckboxField id="preview-dark" label="Dark mode" checked={dark} onChange={setDark} />
        <TextField id="preview-brand" label="Brand colour" value={brandColor} onInput={setBrandColor} />
      </div>
      {!current && <p class="hint">Fix the highlighted fields to see the preview.</p>}
      {error && <p class="error" role="alert">{error}</p>}
      <div class="preview-box" ref={box} data-testid="preview" />
      <p class="hint">Rendered by the widget's own components; nothing you click here is recorded.</p>
    </section>
  );
}
