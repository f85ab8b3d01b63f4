import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeEnv } from '../../test/fake-env.js';
import { createHearthWith } from './hearth.js';
import { ACK_DEBOUNCE_MS, createStateClient, STALE_AFTER_MS } from './state.js';
import type { InitOptions } from './types.js';

// Batches wait for the flush interval, so acknowledgements do not move the refreshes under test.
const INIT: InitOptions = { projectKey: 'pk_test_1234', apiHost: 'https://c.test/', trackPages: false, batchSize: 20 };

function setup(options: Partial<InitOptions> = {}) {
  const fake = createFakeEnv();
  const hearth = createHearthWith(fake.env);
  hearth('init', { ...INIT, ...options });
  const params = (index = -1) => Object.fromEntries(new URL(fake.stateCalls.at(index)?.url ?? 'x:').searchParams);
  return { fake, hearth, params };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('state requests', () => {
  it('fetches the state once at init, revalidated by the browser and without credentials', async () => {
    const { fake, params } = setup({ locale: 'nb-NO' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.stateCalls).toHaveLength(1);
    const { url, init } = fake.stateCalls[0]!;
    expect(url.startsWith('https://c.test/v1/state?')).toBe(true);
    expect(params()).toEqual({ key: 'pk_test_1234', anonymousId: expect.stringMatching(/^[0-9A-Z]{26}$/), locale: 'nb-NO' });
    expect(init).toEqual({ cache: 'no-cache', credentials: 'omit' });
  });

  it('identify in the same tick as init shares one request that names the user and token', async () => {
    const { fake, hearth, params } = setup();
    hearth('identify', 'u 1', {}, { userToken: 'jwt.u1' });
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.stateCalls).toHaveLength(1);
    expect(params()).toMatchObject({ userId: 'u 1', userToken: 'jwt.u1', locale: 'en-US' });
  });

  it('reset asks again for the new anonymous visitor, without the user', async () => {
    const { fake, hearth, params } = setup();
    hearth('identify', 'u1');
    await vi.advanceTimersByTimeAsync(0);
    const before = params().anonymousId;
    hearth('reset');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.stateCalls).toHaveLength(2);
    expect(params().userId).toBeUndefined();
    expect(params().anonymousId).not.toBe(before);
  });

  it('sends nothing while consent is pending, and asks once it is granted', async () => {
    const { fake, hearth } = setup({ consent: 'pending' });
    hearth('identify', 'u1');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.stateCalls).toHaveLength(0);
    hearth('consent', 'granted');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.stateCalls).toHaveLength(1);
  });

  it('refreshes once, debounced, after acknowledged track events; not after the widget’s own events', async () => {
    const { fake, hearth } = setup({ batchSize: 1 });
    await vi.advanceTimersByTimeAsync(0);
    hearth('track', '$prompt_shown', { promptId: 'p', kind: 'checklist' });
    await vi.advanceTimersByTimeAsync(ACK_DEBOUNCE_MS * 2);
    expect(fake.stateCalls).toHaveLength(1);
    hearth('track', 'project_created');
    await vi.advanceTimersByTimeAsync(100);
    hearth('track', 'project_created');
    await vi.advanceTimersByTimeAsync(ACK_DEBOUNCE_MS - 1);
    expect(fake.fetchCalls).toHaveLength(3);
    expect(fake.stateCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fake.stateCalls).toHaveLength(2);
  });

  it('refreshes when the tab comes back after a minute, not sooner', async () => {
    const { fake } = setup();
    await vi.advanceTimersByTimeAsync(STALE_AFTER_MS - 1000);
    fake.fire('focus');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.stateCalls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    fake.state.hidden = true;
    fake.fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.stateCalls).toHaveLength(1);
    fake.state.hidden = false;
    fake.fire('visibilitychange');
    fake.fire('focus');
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.stateCalls).toHaveLength(2);
  });
});

describe('createStateClient', () => {
  function client() {
    const fake = createFakeEnv();
    const deliver = vi.fn();
    const log = vi.fn();
    const state = createStateClient(
      fake.env,
      () => 'https://c.test/v1/state?key=pk_x',
      () => true,
      deliver,
      log,
    );
    return { fake, deliver, log, state };
  }

  it('delivers a changed body, skips an unchanged one, and delivers again after forget', async () => {
    const { fake, deliver, state } = client();
    let body = { prompts: [] as unknown[] };
    fake.respondState(() => Response.json(body));
    state.refresh();
    await vi.advanceTimersByTimeAsync(0);
    state.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver).toHaveBeenCalledTimes(1);
    body = { prompts: [{ id: 'p' }] };
    state.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver).toHaveBeenLastCalledWith(body);
    state.forget();
    state.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver).toHaveBeenCalledTimes(3);
  });

  it('ignores an answer overtaken by a newer request', async () => {
    const { fake, deliver, state } = client();
    const answers: Array<(r: Response) => void> = [];
    fake.respondState(() => new Promise((resolve) => answers.push(resolve)));
    state.refresh();
    await vi.advanceTimersByTimeAsync(0);
    state.refresh();
    await vi.advanceTimersByTimeAsync(0);
    answers[1]?.(Response.json({ prompts: ['new'] }));
    answers[0]?.(Response.json({ prompts: ['old'] }));
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver.mock.calls).toEqual([[{ prompts: ['new'] }]]);
  });

  it('keeps the current state on errors and logs them', async () => {
    const { fake, deliver, log, state } = client();
    fake.respondState(() => Response.json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 }));
    state.refresh();
    await vi.advanceTimersByTimeAsync(0);
    fake.respondState(() => Promise.reject(new TypeError('offline')));
    state.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(deliver).not.toHaveBeenCalled();
    expect(log).toHaveBeenCalledWith('state refresh failed: HTTP', 401);
    expect(log).toHaveBeenCalledWith('state refresh failed', expect.any(TypeError));
  });
});
