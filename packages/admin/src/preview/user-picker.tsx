import { useMemo, useState } from 'preact/hooks';
import { Field } from '../components/field.js';
import { createUserSearch, traitList } from '../models/user-search.js';
import { previewSearchParams, previewUserOf, SAMPLE_USER, type PreviewApi, type PreviewUser } from './preview-user.js';

interface Props {
  /** Whose traits fill the placeholders; null until a real user is picked where there is no sample user. */
  value: PreviewUser | null;
  onChange: (user: PreviewUser) => void;
  search: PreviewApi['search'];
  /** Whether "Use the sample user" is offered (a preview rendered by the collector needs a real user). */
  sample?: boolean;
}

/** "Preview as": the sample user, or a real one found by id prefix or trait through the Users search API. */
export function UserPicker({ value, onChange, search, sample = true }: Props) {
  const model = useMemo(() => createUserSearch(search), [search]);
  const [query, setQuery] = useState('');
  const results = model.results.value;
  const find = async (event: Event) => {
    event.preventDefault();
    const { params, error } = previewSearchParams(query);
    model.traitError.value = error ?? '';
    if (error) return;
    model.idPrefix.value = params.q ?? '';
    model.trait.value = params.trait ?? '';
    await model.search();
  };
  return (
    <div class="preview-user">
      <p>
        {value ? (
          <>
            Previewing as <strong data-testid="preview-user">{value.label}</strong>
          </>
        ) : (
          'Pick a real user to preview as: their traits fill the placeholders.'
        )}
        {sample && value && value.userId !== null && (
          <>
            {' '}
            <button type="button" class="secondary" onClick={() => onChange(SAMPLE_USER)}>
              Use the sample user
            </button>
          </>
        )}
      </p>
      <form class="inline-form" role="search" aria-label="Find a user to preview as" onSubmit={find}>
        <Field id="preview-find" label="Find a real user (id prefix, or trait as key:value)" error={model.traitError.value || undefined}>
          {(aria) => <input {...aria} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />}
        </Field>
        <button type="submit" disabled={model.busy.value}>
          Find
        </button>
      </form>
      <p role="status" class="message">
        {model.message.value}
      </p>
      {results && results.length > 0 && (
        <ul class="preview-users">
          {results.map((user) => (
            <li key={user.userId}>
              <button
                type="button"
                class="secondary"
                aria-pressed={user.userId === value?.userId}
                onClick={() => onChange(previewUserOf(user))}
              >
                Preview as {user.userId}
              </button>{' '}
              <span class="hint">{traitList(user.traits)}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
