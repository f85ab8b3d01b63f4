import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadChunk } from '../../core/registry.js';
import { IDLE_TIMEOUT_MS, loadWhenIdle } from './idle.js';

const win = document.defaultView! as Window & typeof globalThis & { requestIdleCallback?: unknown };
const original = win.requestIdleCallback;
afterEach(() => {
  win.requestIdleCallback = original as typeof win.requestIdleCallback;
});

/** Lets every pending microtask (and their follow-ups) run, but no timer or idle callback. */
const microtasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

const chunk = { mountRewards: vi.fn() };
const load = (() => Promise.resolve(chunk)) as unknown as LoadChunk;

describe('loadWhenIdle', () => {
  it('resolves with the chunk only once the page is idle, with a bounded wait', async () => {
    const idle: { callback: () => void; options: unknown }[] = [];
    win.requestIdleCallback = ((callback: () => void, options: unknown) => idle.push({ callback, options })) as typeof win.requestIdleCallback;
    let resolved: unknown;
    void loadWhenIdle(load, 'rewards', document).then((value) => (resolved = value));
    await microtasks();
    expect(resolved).toBeUndefined();
    expect(idle).toEqual([{ callback: expect.any(Function), options: { timeout: IDLE_TIMEOUT_MS } }]);
    idle[0]!.callback();
    await microtasks();
    expect(resolved).toBe(chunk);
  });

  it('still leaves the current task first where requestIdleCallback is missing', async () => {
    win.requestIdleCallback = undefined as unknown as typeof win.requestIdleCallback;
    let resolved: unknown;
    void loadWhenIdle(load, 'rewards', document).then((value) => (resolved = value));
    await microtasks();
    expect(resolved).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await microtasks();
    expect(resolved).toBe(chunk);
  });
});
