import { describe, expect, it, vi } from 'vitest';
import { createChunkLoader } from './registry.js';

describe('chunk registry', () => {
  it('imports each kind once and names an unknown kind', async () => {
    const checklist = vi.fn(async () => ({ mount: 'checklist' }));
    const load = createChunkLoader({ checklist });
    await expect(load('checklist')).resolves.toEqual({ mount: 'checklist' });
    await load('checklist');
    expect(checklist).toHaveBeenCalledTimes(1);
    const untyped = load as (name: string) => Promise<unknown>;
    await expect(untyped('toString')).rejects.toThrow('no chunk for kind "toString"');
  });

  it('retries a kind whose chunk failed to load', async () => {
    const flaky = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('ok');
    const load = createChunkLoader({ flaky });
    await expect(load('flaky')).rejects.toThrow('offline');
    await expect(load('flaky')).resolves.toBe('ok');
  });
});
