import { describe, expect, it } from 'vitest';
import type { SearchParams, UserPage } from '../api/users.js';
import { TRAIT_ERROR, createUserSearch, searchParamsOf } from './user-search.js';

const user = (userId: string) => ({
  userId,
  traits: { plan: 'pro' },
  firstSeen: '2026-01-01T00:00:00.000Z',
  lastSeen: '2026-01-02T00:00:00.000Z',
});

/** A fake API over a fixed list, paging two at a time by a cursor that is the last id. */
function fakeApi(ids: string[]) {
  const calls: SearchParams[] = [];
  const search = (params: SearchParams): Promise<UserPage> => {
    calls.push(params);
    const matching = ids.filter((id) => id.startsWith(params.q ?? '')).filter((id) => !params.cursor || id > params.cursor);
    const page = matching.slice(0, 2);
    return Promise.resolve({ users: page.map(user), nextCursor: matching.length > 2 ? (page.at(-1) ?? null) : null });
  };
  return { calls, search };
}

describe('searchParamsOf', () => {
  it('sends only the fields filled in, trimmed', () => {
    expect(searchParamsOf('  usr_a ', '')).toEqual({ params: { q: 'usr_a' } });
    expect(searchParamsOf('', 'plan:pro')).toEqual({ params: { trait: 'plan:pro' } });
    expect(searchParamsOf('', '')).toEqual({ params: {} });
  });

  it('names the trait field when it is not key:value', () => {
    expect(searchParamsOf('', 'plan').error).toBe(TRAIT_ERROR);
    expect(searchParamsOf('', ':pro').error).toBe(TRAIT_ERROR);
  });
});

describe('the Users page model', () => {
  it('searches, then appends the next page with the same filters', async () => {
    const api = fakeApi(['usr_ada', 'usr_alan', 'usr_amy', 'usr_max']);
    const model = createUserSearch(api.search);
    model.idPrefix.value = 'usr_a';
    await model.search();
    expect(model.results.value?.map((u) => u.userId)).toEqual(['usr_ada', 'usr_alan']);
    expect(model.message.value).toBe('2 users found (more available).');
    await model.more();
    expect(model.results.value?.map((u) => u.userId)).toEqual(['usr_ada', 'usr_alan', 'usr_amy']);
    expect(api.calls).toEqual([{ q: 'usr_a' }, { q: 'usr_a', cursor: 'usr_alan' }]);
    expect(model.nextCursor.value).toBeNull();
  });

  it('says when nothing matches, and sends nothing while the trait is malformed', async () => {
    const api = fakeApi(['usr_ada']);
    const model = createUserSearch(api.search);
    model.trait.value = 'plan';
    await model.search();
    expect(model.traitError.value).toBe(TRAIT_ERROR);
    expect(api.calls).toEqual([]);
    model.trait.value = '';
    model.idPrefix.value = 'nobody';
    await model.search();
    expect(model.traitError.value).toBe('');
    expect(model.results.value).toEqual([]);
    expect(model.message.value).toBe('No users match.');
  });

  it('shows the API error instead of results', async () => {
    const model = createUserSearch(() => Promise.reject(new Error('The collector did not answer; check that it is running.')));
    await model.search();
    expect(model.message.value).toBe('The collector did not answer; check that it is running.');
    expect(model.busy.value).toBe(false);
  });
});
