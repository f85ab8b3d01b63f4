import { signal } from '@preact/signals';
import type { SearchParams, UserPage } from '../api/users.js';

/** Traits as one line, `plan: pro, seats: 3`, for result lists. */
export const traitList = (traits: Record<string, unknown>) =>
  Object.entries(traits)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');

export const TRAIT_ERROR = 'expected key:value, e.g. plan:pro';

/** The search form's fields as API parameters; an error names the field when one is malformed. */
export function searchParamsOf(idPrefix: string, trait: string): { params: SearchParams; error?: string } {
  const q = idPrefix.trim();
  const t = trait.trim();
  if (t && !/^[^:]+:.*$/.test(t)) return { params: {}, error: TRAIT_ERROR };
  return { params: { ...(q ? { q } : {}), ...(t ? { trait: t } : {}) } };
}

/**
 * The Users page's state: the two search fields, the results so far and the next page's cursor.
 * `search` starts over; `more` appends the next page. The API is injected so tests can fake it.
 */
export function createUserSearch(search: (params: SearchParams) => Promise<UserPage>) {
  const state = {
    idPrefix: signal(''),
    trait: signal(''),
    traitError: signal(''),
    results: signal<UserPage['users'] | null>(null),
    nextCursor: signal<string | null>(null),
    message: signal(''),
    busy: signal(false),
  };
  let last: SearchParams = {};

  async function load(params: SearchParams, append: boolean) {
    state.busy.value = true;
    try {
      const page = await search(params);
      state.results.value = append ? [...(state.results.value ?? []), ...page.users] : page.users;
      state.nextCursor.value = page.nextCursor;
      const count = state.results.value.length;
      state.message.value =
        count === 0 ? 'No users match.' : `${count} user${count === 1 ? '' : 's'} found${page.nextCursor ? ' (more available)' : ''}.`;
    } catch (failure) {
      state.message.value = (failure as Error).message;
    } finally {
      state.busy.value = false;
    }
  }

  return {
    ...state,
    async search() {
      const { params, error } = searchParamsOf(state.idPrefix.value, state.trait.value);
      state.traitError.value = error ?? '';
      if (error) return;
      last = params;
      await load(params, false);
    },
    async more() {
      if (state.nextCursor.value) await load({ ...last, cursor: state.nextCursor.value }, true);
    },
  };
}

export type UserSearch = ReturnType<typeof createUserSearch>;
