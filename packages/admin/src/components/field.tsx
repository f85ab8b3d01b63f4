import type { ComponentChildren } from 'preact';

interface FieldProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string;
  children: (aria: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ComponentChildren;
}

/** A labelled control whose schema error is shown right under it and announced with it. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-invalid': Boolean(error), ...(described ? { 'aria-describedby': described } : {}) })}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  error?: string | undefined;
  hint?: string;
  type?: string;
  multiline?: boolean;
  /** The id of a datalist of suggestions (KNOWN_EVENTS, KNOWN_TRAITS). */
  list?: string;
  onInput: (value: string) => void;
}

export function TextField({ multiline, value, onInput, type = 'text', list, ...field }: TextFieldProps) {
  return (
    <Field {...field}>
      {(aria) =>
        multiline ? (
          <textarea {...aria} value={value} rows={3} onInput={(e) => onInput(e.currentTarget.value)} />
        ) : (
          <input {...aria} type={type} list={list} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
        )
      }
    </Field>
  );
}
