import { act, StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HearthProvider, type HearthUser } from './provider.js';
import { useHearth } from './context.js';

// React's act() warns unless the environment says it is a test.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface SentEvent {
  type: string;
  accountId?: string;
  name?: string;
  userId: string | null;
  anonymousId: string;
}

/** The collector's side of the wire: every batch the core sends, answered as stored; an empty state. */
function recordCollector() {
  const events: SentEvent[] = [];
  vi.spyOn(window, 'fetch').mockImplementation(async (url, init) => {
    if (String(url).includes('/v1/batch')) {
      const batch = JSON.parse(String(init?.body)) as { events: SentEvent[] };
      events.push(...batch.events);
      return Response.json({ accepted: batch.events.length, duplicates: 0, conflicts: 0 });
    }
    return Response.json({ prompts: [] });
  });
  return events;
}

const OPTIONS = { projectKey: 'pk_react_test', apiHost: 'https://hearth.example.com', batchSize: 1 };

/** Collects what the instance reports through `on('error')`; child effects run before the provider's. */
function Errors({ into }: { into: Error[] }) {
  const hearth = useHearth();
  useEffect(() => hearth('on', 'error', (error) => void into.push(error)), [hearth]);
  return null;
}

function Tracker({ name }: { name: string }) {
  const hearth = useHearth();
  return <button onClick={() => hearth.track(name)}>{name}</button>;
}

let root: Root;
let events: SentEvent[];
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));
const render = (node: ReactNode) => act(() => root.render(node));

beforeEach(() => {
  localStorage.clear();
  events = recordCollector();
  root = createRoot(document.body.appendChild(document.createElement('div')));
});

afterEach(async () => {
  await act(() => root.unmount());
  vi.restoreAllMocks();
});

describe('HearthProvider', () => {
  it('initialises once under StrictMode and keeps the instance running', async () => {
    const errors: Error[] = [];
    await render(
      <StrictMode>
        <HearthProvider options={OPTIONS} user={{ id: 'user-1' }}>
          <Errors into={errors} />
        </HearthProvider>
      </StrictMode>,
    );
    await settle();
    expect(errors.map((error) => error.message)).toEqual([]);
    expect(events.map((event) => event.type)).toEqual(['page', 'identify']);
    // Still alive after StrictMode's extra unmount: a later track is delivered.
    await render(
      <StrictMode>
        <HearthProvider options={OPTIONS} user={{ id: 'user-1' }}>
          <Tracker name="report_exported" />
        </HearthProvider>
      </StrictMode>,
    );
    await act(() => document.querySelector('button')!.click());
    await settle();
    expect(events.map((event) => event.name ?? event.type)).toEqual(['page', 'identify', 'report_exported']);
  });

  it('groups the signed-in user into the account after identify, and again when the account changes', async () => {
    const app = (account: { id: string; token?: string } | null) => (
      <HearthProvider options={OPTIONS} user={{ id: 'ada' }} account={account}>
        <Tracker name="clicked" />
      </HearthProvider>
    );
    await render(app({ id: 'acme', token: 'jwt.acme' }));
    await render(app({ id: 'acme', token: 'jwt.acme' }));
    await render(app({ id: 'globex' }));
    await settle();
    expect(events.filter((event) => event.type !== 'page').map((event) => `${event.type}:${event.accountId ?? event.userId}`)).toEqual([
      'identify:ada',
      'group:acme',
      'group:globex',
    ]);
  });

  it('identifies when the user changes, not when the same user comes back as a new object', async () => {
    const app = (user: HearthUser | null | undefined) => (
      <HearthProvider options={OPTIONS} user={user}>
        <Tracker name="clicked" />
      </HearthProvider>
    );
    await render(app(undefined));
    await render(app({ id: 'ada', traits: { plan: 'pro' } }));
    await render(app({ id: 'ada', traits: { plan: 'pro' } }));
    await render(app({ id: 'grace' }));
    await settle();
    expect(events.filter((event) => event.type === 'identify').map((event) => event.userId)).toEqual(['ada', 'grace']);
  });

  it('resets on sign-out, so what follows is not linked to the user who left', async () => {
    const app = (user: HearthUser | null) => (
      <HearthProvider options={OPTIONS} user={user}>
        <Tracker name="clicked" />
      </HearthProvider>
    );
    await render(app({ id: 'ada' }));
    await settle();
    const before = events.find((event) => event.type === 'identify')!;
    await render(app(null));
    await act(() => document.querySelector('button')!.click());
    await settle();
    const after = events.find((event) => event.name === 'clicked')!;
    expect(after.userId).toBeNull();
    expect(after.anonymousId).not.toBe(before.anonymousId);
  });

  it('stops Hearth when the provider really unmounts', async () => {
    // The core watches SPA navigations by wrapping `history.pushState`; destroy puts it back.
    const original = history.pushState;
    await render(<HearthProvider options={OPTIONS} user={{ id: 'ada' }} />);
    await settle();
    expect(history.pushState).not.toBe(original);
    await render(null);
    await settle();
    expect(history.pushState).toBe(original);
  });

  it('tells a component outside the provider what is missing', () => {
    const Lost = () => <Tracker name="x" />;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => act(() => root.render(<Lost />))).toThrow(/inside <HearthProvider>/);
  });
});
