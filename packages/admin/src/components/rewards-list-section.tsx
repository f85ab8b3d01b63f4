import type { ComponentChildren } from 'preact';

/** The input id of a program field: its error path with dots as dashes, e.g. `rw-rules-0-points`. */
export const fieldId = (path: string) => `rw-${path.replaceAll('.', '-')}`;

/** Moves focus once the list has re-rendered (to the moved entry, a new entry's first field…). */
const focusSoon = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

interface Props<T> {
  /** The list's path in the program: `rules`, `badges`, `tiers` or `catalog`. */
  path: string;
  title: string;
  /** The noun for one entry, e.g. "Earning rule": names the group and the buttons. */
  noun: string;
  entries: readonly T[];
  /** An error about the list as a whole (e.g. too many entries). */
  error?: string | undefined;
  empty: string;
  label: (entry: T) => string;
  onAdd: () => void;
  onMove: (from: number, to: number) => void;
  onRemove: (index: number) => void;
  children: (entry: T, index: number) => ComponentChildren;
}

/**
 * One list of the program: each entry is a group named "<noun> <n>: <label>" with Move up, Move
 * down and Remove buttons. Focus follows the entry when it moves and goes to a new entry's first
 * field, so a keyboard user never lands back at the top of the page.
 */
export function RewardsListSection<T>({ path, title, noun, entries, error, empty, label, onAdd, onMove, onRemove, children }: Props<T>) {
  const control = (index: number, action: string) => fieldId(`${path}.${index}.${action}`);
  const moveTo = (from: number, to: number, action: 'up' | 'down') => {
    onMove(from, to);
    // At the ends the button just used disappears: focus its sibling instead.
    const edge = (action === 'up' && to === 0) || (action === 'down' && to === entries.length - 1);
    focusSoon(control(to, edge ? (action === 'up' ? 'down' : 'up') : action));
  };
  return (
    <section aria-labelledby={fieldId(`${path}.title`)}>
      <h2 id={fieldId(`${path}.title`)}>{title}</h2>
      {error && (
        <p id={fieldId(path)} class="error" role="alert" tabIndex={-1}>
          {error}
        </p>
      )}
      {entries.length === 0 && <p class="hint">{empty}</p>}
      <ol class="rewards-list">
        {entries.map((entry, index) => (
          <li key={index}>
            <fieldset class="item" id={fieldId(`${path}.${index}`)}>
              <legend>
                {noun} {index + 1}: {label(entry) || '(untitled)'}
              </legend>
              {children(entry, index)}
              <div class="actions">
                {index > 0 && (
                  <button type="button" class="secondary" id={control(index, 'up')} onClick={() => moveTo(index, index - 1, 'up')}>
                    Move {noun.toLowerCase()} {index + 1} up
                  </button>
                )}
                {index < entries.length - 1 && (
                  <button type="button" class="secondary" id={control(index, 'down')} onClick={() => moveTo(index, index + 1, 'down')}>
                    Move {noun.toLowerCase()} {index + 1} down
                  </button>
                )}
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    onRemove(index);
                    focusSoon(fieldId(`${path}.add`));
                  }}
                >
                  Remove {noun.toLowerCase()} {index + 1}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        id={fieldId(`${path}.add`)}
        onClick={() => {
          onAdd();
          focusSoon(fieldId(`${path}.${entries.length}.id`));
        }}
      >
        Add {noun.toLowerCase()}
      </button>
    </section>
  );
}
