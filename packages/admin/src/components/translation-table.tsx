import { localeTagSchema } from '@hearth/schema';
import { useState } from 'preact/hooks';
import { validate, type FieldErrors } from '../models/field-errors.js';
import { missingKeys, type TranslatableField, type TranslationDraft } from '../models/translations.js';
import { TextField } from './field.js';

interface Props {
  defaultLocale: string;
  fields: readonly TranslatableField[];
  value: TranslationDraft;
  /** The whole form's errors; issues under `translations.<locale>.<key>` show in their cell. */
  errors: FieldErrors;
  onChange: (next: TranslationDraft) => void;
}

const cellId = (locale: string, key: string) => `tr-${locale}-${key.replace(/\./g, '-')}`;

/** The default texts beside each other locale's, one column per locale; missing ones are flagged. */
export function TranslationTable({ defaultLocale, fields, value, errors, onChange }: Props) {
  const [adding, setAdding] = useState('');
  const [addError, setAddError] = useState('');
  const locales = Object.keys(value);
  const setText = (locale: string, key: string, text: string) => onChange({ ...value, [locale]: { ...value[locale], [key]: text } });
  const add = () => {
    const tag = adding.trim();
    const checked = validate(localeTagSchema, tag);
    if (!checked.ok) return setAddError(Object.values(checked.errors)[0] ?? 'not a locale');
    setAddError(tag === defaultLocale || tag in value ? `${tag} is already there` : '');
    if (tag !== defaultLocale && !(tag in value)) onChange({ ...value, [tag]: {} });
    setAdding('');
  };
  return (
    <fieldset>
      <legend>Translations</legend>
      {locales.length === 0 && (
        <p class="hint">Only {defaultLocale}. Texts left empty use the widget's own wording in each user's language.</p>
      )}
      {locales.map((locale) => {
        const invalid = errors[`translations.${locale}`];
        if (invalid)
          return (
            <p key={locale} class="error" role="alert">
              {locale}: {invalid}
            </p>
          );
        const missing = missingKeys(value, locale, fields);
        return (
          missing.length > 0 && (
            <p key={locale} class="error">
              {locale}: {missing.length} missing (users there read {defaultLocale}).
            </p>
          )
        );
      })}
      {errors.translations && (
        <p class="error" role="alert">
          {errors.translations}
        </p>
      )}
      {locales.length > 0 && (
        <table class="translations">
          <thead>
            <tr>
              <th scope="col">Text</th>
              <th scope="col">{defaultLocale} (default)</th>
              {locales.map((locale) => (
                <th scope="col" key={locale}>
                  {locale}{' '}
                  <button
                    type="button"
                    class="secondary"
                    onClick={() => onChange(Object.fromEntries(Object.entries(value).filter(([tag]) => tag !== locale)))}
                  >
                    Remove<span class="visually-hidden"> {locale}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field.key}>
                <th scope="row">{field.label}</th>
                <td>{field.source || <span class="hint">widget default</span>}</td>
                {locales.map((locale) => {
                  const id = cellId(locale, field.key);
                  const error = errors[`translations.${locale}.${field.key}`];
                  const missing = missingKeys(value, locale, [field]).length > 0;
                  return (
                    <td key={locale}>
                      <label class="visually-hidden" for={id}>
                        {field.label} in {locale}
                      </label>
                      <textarea
                        id={id}
                        rows={field.key === 'body' ? 4 : 1}
                        value={value[locale]?.[field.key] ?? ''}
                        aria-invalid={Boolean(error)}
                        aria-describedby={error || missing ? `${id}-note` : undefined}
                        onInput={(e) => setText(locale, field.key, e.currentTarget.value)}
                      />
                      {(error || missing) && (
                        <p id={`${id}-note`} class={error ? 'error' : 'hint missing'}>
                          {error ?? 'Missing'}
                        </p>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="inline-form">
        <TextField id="tr-add" label="Add a locale (e.g. fr, ar-SA)" value={adding} error={addError || undefined} onInput={setAdding} />
        <button type="button" onClick={add}>
          Add locale
        </button>
      </div>
    </fieldset>
  );
}
