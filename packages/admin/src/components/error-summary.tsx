import type { FieldErrors } from '../models/field-errors.js';

/** The form control showing `message` as its error: the n-th such control when several share one message. */
function controlShowing(message: string, nth: number): HTMLElement | null {
  const matches = [...document.querySelectorAll<HTMLElement>('[aria-invalid="true"]')].filter((control) =>
    (control.getAttribute('aria-describedby') ?? '').split(' ').some((id) => document.getElementById(id)?.textContent === message),
  );
  return matches[nth] ?? matches[0] ?? null;
}

/** Opens every collapsed section around `element`, then moves focus to it. */
function reveal(element: HTMLElement): void {
  for (let details = element.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
  element.focus();
}

/**
 * Every problem of the last check, each a link to the field that shows it. Fields render their own
 * message (with `aria-describedby`), so the link finds the field by that message: no table of
 * field ids per path to keep in step with the forms. A problem no field shows is listed as text.
 */
export function ErrorSummary({ errors, id = 'form-errors' }: { errors: FieldErrors; id?: string }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  const seen = new Map<string, number>();
  return (
    <div class="error-summary" role="group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {entries.length === 1 ? 'One problem to fix' : `${entries.length} problems to fix`}
      </h2>
      <ul>
        {entries.map(([path, message]) => {
          const nth = seen.get(message) ?? 0;
          seen.set(message, nth + 1);
          const label = path === '(root)' ? message : `${path}: ${message}`;
          return (
            <li key={path}>
              <a
                href={`#${id}`}
                onClick={(e) => {
                  e.preventDefault();
                  const control = controlShowing(message, nth);
                  if (control) reveal(control);
                }}
              >
                {label}
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
