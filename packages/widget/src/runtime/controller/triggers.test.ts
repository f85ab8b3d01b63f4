import type { Trigger } from '@hearth/schema';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { globToRegExp, watchTriggers } from './triggers.js';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function watch(triggers: Trigger[], path = '/', counts = new Map<string, number>()) {
  const fire = vi.fn();
  return { fire, counts, watcher: watchTriggers(triggers, path, counts, fire) };
}

describe('globToRegExp', () => {
  it('matches whole paths, * within a segment and ** across segments', () => {
    expect(globToRegExp('/projects/*').test('/projects/42')).toBe(true);
    expect(globToRegExp('/projects/*').test('/projects/42/settings')).toBe(false);
    expect(globToRegExp('/projects/**').test('/projects/42/settings')).toBe(true);
    expect(globToRegExp('/projects').test('/projects/42')).toBe(false);
    expect(globToRegExp('/a.b').test('/axb')).toBe(false);
  });
});

describe('watchTriggers', () => {
  it('fires at once on load', () => {
    expect(watch([{ type: 'load' }]).fire).toHaveBeenCalledTimes(1);
  });

  it('fires on an event once it reaches minCount, counting events from before it was armed', () => {
    const { fire, counts, watcher } = watch([{ type: 'event', name: 'report_viewed', minCount: 3 }], '/', new Map([['report_viewed', 1]]));
    counts.set('other', 5);
    watcher.event('other');
    counts.set('report_viewed', 2);
    watcher.event('report_viewed');
    expect(fire).not.toHaveBeenCalled();
    counts.set('report_viewed', 3);
    watcher.event('report_viewed');
    watcher.event('report_viewed');
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('fires on a URL match at arming or after an SPA navigation, by glob or regex', () => {
    const glob = watch([{ type: 'url', match: 'glob', pattern: '/projects/*' }], '/home');
    expect(glob.fire).not.toHaveBeenCalled();
    glob.watcher.navigate('/settings');
    expect(glob.fire).not.toHaveBeenCalled();
    glob.watcher.navigate('/projects/7');
    expect(glob.fire).toHaveBeenCalledTimes(1);
    expect(watch([{ type: 'url', match: 'regex', pattern: '^/reports/\\d+$' }], '/reports/12').fire).toHaveBeenCalledTimes(1);
    expect(watch([{ type: 'url', match: 'regex', pattern: '(' }], '/(').fire).not.toHaveBeenCalled();
  });

  it('fires after a delay on the current page; a navigation restarts it', async () => {
    const { fire, watcher } = watch([{ type: 'delay', ms: 5000 }]);
    await vi.advanceTimersByTimeAsync(4000);
    watcher.navigate('/next');
    await vi.advanceTimersByTimeAsync(4999);
    expect(fire).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('fires once for the first of several triggers, and never after stop', async () => {
    const both = watch([
      { type: 'delay', ms: 1000 },
      { type: 'url', match: 'glob', pattern: '/x' },
    ]);
    both.watcher.navigate('/x');
    await vi.advanceTimersByTimeAsync(5000);
    expect(both.fire).toHaveBeenCalledTimes(1);
    const stopped = watch([
      { type: 'delay', ms: 1000 },
      { type: 'url', match: 'glob', pattern: '/x' },
    ]);
    stopped.watcher.stop();
    stopped.watcher.navigate('/x');
    await vi.advanceTimersByTimeAsync(5000);
    expect(stopped.fire).not.toHaveBeenCalled();
  });
});
