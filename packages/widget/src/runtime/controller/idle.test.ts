import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadChunk } from '../../core/registry.js';
import { IDLE_TIMEOUT_MS, mountLane } from './idle.js';

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

/** Idle callbacks held until the test runs them, each as its own task would. */
function holdIdleCallbacks() {
  const idle: { callback: () => void; options: unknown }[] = [];
  win.requestIdleCallback = ((callback: () => void, options: unknown) =>
    idle.push({ callback, options })) as typeof win.requestIdleCallback;
  return idle;
}

describe('mountLane', () => {
  it('mounts with the chunk only once the page is idle, with a bounded wait', async () => {
    const idle = holdIdleCallbacks();
    let mounted: unknown;
    void mountLane(load, document)('rewards', async (loaded) => (mounted = loaded));
    await microtasks();
    expect(mounted).toBeUndefined();
    expect(idle).toEqual([{ callback: expect.any(Function), options: { timeout: IDLE_TIMEOUT_MS } }]);
    idle[0]!.callback();
    await microtasks();
    expect(mounted).toBe(chunk);
  });

  it('never mounts two widgets in one task, even when their chunks arrive together', async () => {
    const idle = holdIdleCallbacks();
    const lane = mountLane(load, document);
    const order: string[] = [];
    void lane('checklist', async () => order.push('checklist'));
    void lane('rewards', async () => order.push('rewards'));
    await microtasks();
    // Only the first asked for an idle moment; the second waits for the first mount to finish.
    expect(idle).toHaveLength(1);
    idle[0]!.callback();
    await microtasks();
    expect(order).toEqual(['checklist']);
    expect(idle).toHaveLength(2);
    idle[1]!.callback();
    await microtasks();
    expect(order).toEqual(['checklist', 'rewards']);
  });

  it('goes on with the next widget after one fails to load', async () => {
    const idle = holdIdleCallbacks();
    const flaky = ((kind: string) =>
      kind === 'checklist' ? Promise.reject(new Error('offline')) : Promise.resolve(chunk)) as unknown as LoadChunk;
    const lane = mountLane(flaky, document);
    const failed = lane('checklist', async () => 'never');
    let mounted = false;
    void lane('rewards', async () => (mounted = true));
    await expect(failed).rejects.toThrow('offline');
    await microtasks();
    idle.at(-1)!.callback();
    await microtasks();
    expect(mounted).toBe(true);
  });

  it('still leaves the current task first where requestIdleCallback is missing', async () => {
    win.requestIdleCallback = undefined as unknown as typeof win.requestIdleCallback;
    let mounted: unknown;
    void mountLane(load, document)('rewards', async (loaded) => (mounted = loaded));
    await microtasks();
    expect(mounted).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await microtasks();
    expect(mounted).toBe(chunk);
  });
});
