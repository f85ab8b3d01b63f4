import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HearthEventMap } from '../core/types.js';
import { installStub } from './snippet.js';

type Live = ((...args: unknown[]) => unknown) & { live?: true; q?: unknown[]; destroy?: () => void };
const slot = window as unknown as { Hearth?: Live };

afterEach(() => {
  vi.restoreAllMocks();
  slot.Hearth?.destroy?.();
  delete slot.Hearth;
  localStorage.clear();
  sessionStorage.clear();
});

describe('script-tag entry', () => {
  it('replays the snippet queue in order, then replaces window.Hearth with the live function', async () => {
    vi.useFakeTimers();
    const bodies: Array<{ events: Array<{ type: string; name?: string }> }> = [];
    vi.spyOn(window, 'fetch').mockImplementation(async (url, init) => {
      if (String(url).includes('/v1/state?')) return Response.json({ prompts: [] });
      bodies.push(JSON.parse(String(init?.body)));
      return Response.json({ accepted: 1, duplicates: 0, conflicts: 0 });
    });
    const doc = { createElement: () => ({}), head: { appendChild: () => {} } } as unknown as Document;
    installStub(slot, doc, 'https://c.test/sdk/hearth.js');
    const stub = slot.Hearth;
    const ready = vi.fn<(payload: HearthEventMap['ready']) => void>(() => slot.Hearth?.('track', 'from-ready'));
    slot.Hearth?.('track', 'before-init');
    slot.Hearth?.('init', { projectKey: 'pk_test_1234', apiHost: 'https://c.test', batchSize: 100, trackPages: false });
    slot.Hearth?.('on', 'ready', ready);
    slot.Hearth?.('track', 'after-init');

    await import('./script-tag.js');
    expect(slot.Hearth).not.toBe(stub);
    expect(slot.Hearth?.live).toBe(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(ready).toHaveBeenCalledTimes(1);
    expect(bodies.flatMap((body) => body.events.map((e) => e.name))).toEqual(['before-init', 'after-init', 'from-ready']);
    vi.useRealTimers();
  });
});
