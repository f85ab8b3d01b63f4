import type { FieldErrors } from '../models/field-errors.js';
import { fieldId } from './rewards-list-section.js';

const NOUNS: Record<string, string> = { rules: 'Earning rule', badges: 'Badge', tiers: 'Tier', catalog: 'Catalog item' };

/** "Earning rule 2, points" for `rules.1.points`; program-wide paths as they are. */
function where(path: string): string {
  const [list, index, ...rest] = path.split('.');
  const noun = NOUNS[list ?? ''];
  if (!noun || index === undefined || !/^\d+$/.test(index)) return path;
  return rest.length ? `${noun} ${Number(index) + 1}, ${rest.join('.')}` : `${noun} ${Number(index) + 1}`;
}

/** The field showing `path`'s error, or the closest enclosing one (an entry's group, its list). */
function focusField(path: string): void {
  for (let parts = path.split('.'); parts.length > 0; parts = parts.slice(0, -1)) {
    const element = document.getElementById(fieldId(parts.join('.')));
    if (!element) continue;
    const target = element.matches('input, select, textarea, button, [tabindex]')
      ? element
      : element.querySelector<HTMLElement>('input, select, textarea, button');
    target?.focus();
    return;
  }
}

/** Every problem of the last save, each a link to its field: a long program needs no scrolling hunt. */
export function RewardsErrorSummary({ errors }: { errors: FieldErrors }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="group" aria-labelledby="rw-errors-title">
      <h2 id="rw-errors-title" tabIndex={-1}>
        {entries.length === 1 ? 'One problem to fix' : `${entries.length} problems to fix`}
      </h2>
      <ul>
        {entries.map(([path, message]) => (
          <li key={path}>
            <a href={`#${fieldId(path)}`} onClick={(e) => (e.preventDefault(), focusField(path))}>
              {where(path)}: {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
