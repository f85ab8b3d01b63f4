import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeEnv, MemoryStorage } from '../../test/fake-env.js';
import { createHearthWith } from './hearth.js';
import { BEAT_MS, CLOSED_GRACE_MS } from './tabs.js';
import type { InitOptions } from './types.js';

const INIT: InitOptions = { projectKey: 'pk_test_1234', apiHost: 'https://c.test', batchSize: 1, trackPages: false };

function setup(options: Partial<InitOptions> = {}, prepare?: (fake: ReturnType<typeof createFakeEnv>) => void) {
  const fake = createFakeEnv();
  prepare?.(fake);
  const hearth = createHearthWith(fake.env);
  const errors: Error[] = [];
  hearth('on', 'error', (error) => errors.push(error));
  hearth('init', { ...INIT, ...options });
  return { fake, hearth, errors };
}
const storedKeys = (fake: ReturnType<typeof createFakeEnv>) => [...fake.local.data.keys(), ...fake.session.data.keys()];

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('commands', () => {
  it('queues commands made before init and replays them in order', async () => {
    const fake = createFakeEnv();
    const hearth = createHearthWith(fake.env);
    hearth('track', 'first');
    hearth('identify', 'u1');
    hearth('init', { ...INIT, batchSize: 10 });
    hearth('track', 'last');
    await vi.advanceTimersByTimeAsync(3000);
    expect(fake.sentEvents().map((e) => e.name ?? e.type)).toEqual(['first', 'identify', 'last']);
  });

  it('links anonymous events to the identified user and sends the token with the batch', async () => {
    const { fake, hearth } = setup({ batchSize: 3 });
    hearth('track', 'before');
    hearth('identify', 'u1', { plan: 'pro' }, { userToken: 'jwt.u1' });
    hearth('track', 'after');
    await vi.advanceTimersByTimeAsync(0);
    const [before, identify, after] = fake.sentEvents();
    expect(identify).toMatchObject({ type: 'identify', userId: 'u1', traits: { plan: 'pro' }, anonymousId: before?.anonymousId });
    expect(before?.userId).toBeNull();
    expect(after?.userId).toBe('u1');
    expect(fake.fetchCalls[0]?.body.userToken).toBe('jwt.u1');
    expect(fake.fetchCalls[0]?.url).toBe('https://c.test/v1/batch?key=pk_test_1234');
  });

  it('reset starts a new anonymous id without a user', async () => {
    const { fake, hearth } = setup();
    hearth('identify', 'u1');
    hearth('reset');
    hearth('track', 'later');
    await vi.advanceTimersByTimeAsync(10_000);
    const [identify, later] = fake.sentEvents();
    expect(later?.userId).toBeNull();
    expect(later?.anonymousId).not.toBe(identify?.anonymousId);
  });

  it('group: records the account, its traits and the token, after identify', async () => {
    const { fake, hearth, errors } = setup({ batchSize: 2 });
    hearth('identify', 'u1', {}, { userToken: 'jwt.u1' });
    hearth('group', 'acme', { plan: 'trial' }, { groupToken: 'jwt.group' });
    // The group command is checked in its lazy chunk.
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([]);
    const [, group] = fake.sentEvents();
    expect(group).toMatchObject({ type: 'group', userId: 'u1', accountId: 'acme', traits: { plan: 'trial' }, groupToken: 'jwt.group' });
    expect(fake.fetchCalls[0]?.body.userToken).toBe('jwt.u1');
  });

  it('group: refusals arrive as error events naming the field, and nothing is sent', async () => {
    const { fake, hearth, errors } = setup();
    const call = hearth as unknown as (...args: unknown[]) => unknown;
    expect(() => call('group', 'acme')).not.toThrow();
    hearth('identify', 'u1');
    expect(() => call('group', '')).not.toThrow();
    expect(() => call('group', 'acme', [1])).not.toThrow();
    expect(() => call('group', 'acme', {}, { groupToken: 42 })).not.toThrow();
    await vi.dynamicImportSettled();
    await vi.advanceTimersByTimeAsync(3000);
    expect(errors.map((e) => e.message)).toEqual([
      'group: call identify first; an account groups signed-in users',
      'group: accountId: expected a non-empty string of at most 128 characters',
      'group: traits: expected an object',
      'group: groupToken: expected a non-empty string of at most 4096 characters',
    ]);
    expect(fake.sentEvents().map((e) => e.type)).toEqual(['identify']);
  });

  it('never throws into the page: bad input becomes an error event naming the field', async () => {
    const { hearth, errors, fake } = setup({ debug: true });
    const call = hearth as unknown as (...args: unknown[]) => unknown;
    expect(() => call('track', '')).not.toThrow();
    expect(() => call('track', 'ok', { deep: { a: { b: { c: { d: { e: 1 } } } } } })).not.toThrow();
    expect(() => call('identify', 'u1', { __proto__x: 1, ['__proto__']: 1 })).not.toThrow();
    expect(() => call('explode')).not.toThrow();
    expect(() => call('init', INIT)).not.toThrow();
    // An unknown command is judged by the lazy commands chunk, so its refusal comes a moment later.
    await vi.dynamicImportSettled();
    expect(errors.map((e) => e.message)).toEqual([
      'track: name: expected a non-empty string of at most 200 characters',
      'track: properties: nesting deeper than 5 levels',
      'identify: traits: key "__proto__" is not allowed',
      'init: Hearth is already initialised',
      'unknown command "explode"',
    ]);
    expect(fake.env.log).toHaveBeenCalledWith('unknown command "explode"');
  });

  it('rejects an init without a usable projectKey or apiHost', () => {
    const fake = createFakeEnv();
    const hearth = createHearthWith(fake.env);
    const errors: string[] = [];
    hearth('on', 'error', (error) => errors.push(error.message));
    hearth('init', { projectKey: 'sk_secret_key_oops', apiHost: 'https://c.test' });
    hearth('init', { projectKey: 'pk_test_1234' });
    expect(errors).toEqual([
      'init: projectKey must be a public key ("pk_…")',
      'init: apiHost must be an http(s) URL, e.g. "https://hearth.example.com"',
    ]);
  });

  it('emits ready once, also to listeners added later, and isolates throwing listeners', async () => {
    const { hearth } = setup();
    const early = vi.fn(() => {
      throw new Error('host bug');
    });
    hearth('on', 'ready', early);
    await vi.advanceTimersByTimeAsync(0);
    const late = vi.fn();
    hearth('on', 'ready', late);
    await vi.advanceTimersByTimeAsync(0);
    expect(early).toHaveBeenCalledTimes(1);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('reports dropped events when the outbox overflows', () => {
    const { hearth } = setup({ maxQueueSize: 2, consent: 'pending' });
    const drops = vi.fn();
    hearth('on', 'drop', drops);
    for (const name of ['a', 'b', 'c']) hearth('track', name);
    expect(drops).toHaveBeenCalledWith({ reason: 'queue-full', count: 1 });
  });
});

describe('consent', () => {
  it('pending: nothing sent, nothing stored; granted: the buffered events go out', async () => {
    const { fake, hearth } = setup({ consent: 'pending' });
    hearth('identify', 'u1');
    hearth('track', 'clicked');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.fetchCalls).toHaveLength(0);
    expect(storedKeys(fake)).toEqual([]);
    hearth('consent', 'granted');
    await vi.advanceTimersByTimeAsync(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(fake.sentEvents().map((e) => e.type)).toEqual(['identify', 'track']);
    expect(storedKeys(fake).length).toBeGreaterThan(0);
  });

  it('denied: nothing recorded, and earlier stored data is removed', async () => {
    const { fake, hearth } = setup({ consent: 'pending' }, (f) => f.respond(() => new Response('', { status: 503 })));
    hearth('consent', 'granted');
    hearth('track', 'queued');
    expect(fake.local.data.size).toBeGreaterThan(0);
    hearth('consent', 'denied');
    hearth('track', 'ignored');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(fake.fetchCalls).toHaveLength(1);
    expect(storedKeys(fake)).toEqual([]);
  });

  it('Global Privacy Control counts as denied when the project respects it', async () => {
    const { fake, hearth } = setup({ respectGlobalPrivacyControl: true }, (f) => (f.state.gpc = true));
    hearth('track', 'clicked');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fake.fetchCalls).toHaveLength(0);
    expect(storedKeys(fake)).toEqual([]);
    const ignoring = setup({}, (f) => (f.state.gpc = true));
    ignoring.hearth('track', 'clicked');
    await vi.advanceTimersByTimeAsync(0);
    expect(ignoring.fake.fetchCalls).toHaveLength(1);
  });

  it('rejects an unknown mode', () => {
    const { hearth, errors } = setup();
    (hearth as unknown as (...args: unknown[]) => void)('consent', 'maybe');
    expect(errors[0]?.message).toBe('consent: expected "granted", "pending" or "denied", got "maybe"');
  });
});

describe('tabs', () => {
  it('an idle tab delivers the events of a tab closed while the collector was down, with no event of its own', async () => {
    const local = new MemoryStorage();
    const idle = createFakeEnv({ local });
    createHearthWith(idle.env)('init', { ...INIT, batchSize: 20 });
    const closing = createFakeEnv({ local });
    closing.respond(() => Promise.reject(new TypeError('Failed to fetch')));
    const hearth = createHearthWith(closing.env);
    hearth('init', { ...INIT, batchSize: 20 });
    for (let i = 0; i < 50; i++) hearth('track', 'offline', { i });
    await vi.advanceTimersByTimeAsync(0);
    closing.failBeacons();
    closing.fire('pagehide');
    hearth.destroy();
    await vi.advanceTimersByTimeAsync(CLOSED_GRACE_MS + BEAT_MS);
    expect(idle.sentEvents().filter((e) => e.name === 'offline')).toHaveLength(50);
  });
});
