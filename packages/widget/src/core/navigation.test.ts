import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeEnv } from '../../test/fake-env.js';
import { createHearthWith } from './hearth.js';

/** A history whose pushState/replaceState move the fake page, like the real one moves location. */
function fakeHistory(page: { url: string; path: string }) {
  const go = (_state: unknown, _title: string, url?: string | URL | null) => {
    if (url) Object.assign(page, { url: new URL(String(url), page.url).href, path: new URL(String(url), page.url).pathname });
  };
  return { pushState: vi.fn(go), replaceState: vi.fn(go) };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function setup() {
  const fake = createFakeEnv();
  const history = fakeHistory(fake.page);
  const originals = { pushState: history.pushState, replaceState: history.replaceState };
  fake.env.history = history;
  const hearth = createHearthWith(fake.env);
  hearth('init', { projectKey: 'pk_test_1234', apiHost: 'https://c.test', batchSize: 1 });
  const pages = async () => {
    await vi.advanceTimersByTimeAsync(0);
    return fake
      .sentEvents()
      .filter((e) => e.type === 'page')
      .map((e) => (e.context as { path: string }).path);
  };
  return { fake, history, originals, hearth, pages };
}

describe('automatic page events', () => {
  it('records the first page, then each SPA navigation once per URL', async () => {
    const { fake, history, pages } = setup();
    expect(await pages()).toEqual(['/']);
    history.pushState({}, '', '/projects');
    history.replaceState({ scroll: 1 }, '', '/projects'); // same URL: no new page
    expect(await pages()).toEqual(['/', '/projects']);
    Object.assign(fake.page, { url: 'https://app.test/', path: '/' });
    fake.fire('popstate');
    expect(await pages()).toEqual(['/', '/projects', '/']);
    Object.assign(fake.page, { url: 'https://app.test/#settings' });
    fake.fire('hashchange');
    expect(await pages()).toHaveLength(4);
  });

  it('reads the title after the router had a chance to update it', async () => {
    const { fake, history } = setup();
    history.pushState({}, '', '/reports');
    fake.page.title = 'Reports';
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sentEvents().at(-1)?.context).toMatchObject({ path: '/reports', title: 'Reports' });
  });

  it('restores history on teardown, or goes inert when someone patched after us', async () => {
    const first = setup();
    expect(first.history.pushState).not.toBe(first.originals.pushState);
    first.hearth.destroy();
    expect(first.history.pushState).toBe(first.originals.pushState);

    const second = setup();
    const theirs = vi.fn(second.history.pushState);
    second.history.pushState = theirs;
    second.hearth.destroy();
    expect(second.history.pushState).toBe(theirs);
    second.history.pushState({}, '', '/after');
    expect(await second.pages()).toEqual(['/']);
  });

  it('can be turned off', async () => {
    const fake = createFakeEnv();
    fake.env.history = fakeHistory(fake.page);
    createHearthWith(fake.env)('init', { projectKey: 'pk_test_1234', apiHost: 'https://c.test', batchSize: 1, trackPages: false });
    fake.env.history.pushState({}, '', '/x');
    await vi.advanceTimersByTimeAsync(5000);
    expect(fake.fetchCalls).toHaveLength(0);
  });
});
