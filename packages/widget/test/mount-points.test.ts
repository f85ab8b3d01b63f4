import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserEnv } from '../src/core/env.js';

afterEach(() => document.body.replaceChildren());

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('browserEnv().watchMountPoints', () => {
  it('calls back at once when the page already has a mount point', () => {
    document.body.innerHTML = '<div data-hearth="checklist"></div>';
    const cb = vi.fn();
    browserEnv().watchMountPoints(cb)();
    expect(cb).toHaveBeenCalledTimes(1);
  });

  it('wakes for mount points added later, in any element, and for data-hearth set on an element', async () => {
    const cb = vi.fn();
    const stop = browserEnv().watchMountPoints(cb);
    document.body.append(document.createElement('p'));
    await settle();
    expect(cb).not.toHaveBeenCalled();

    const route = document.createElement('main');
    route.innerHTML = '<section><div data-hearth="checklist"></div></section>';
    document.body.append(route);
    await settle();
    expect(cb).toHaveBeenCalledTimes(1);

    const later = document.createElement('div');
    document.body.append(later);
    await settle();
    later.setAttribute('data-hearth', 'rewards');
    await settle();
    expect(cb).toHaveBeenCalledTimes(2);

    stop();
    document.body.append(route.cloneNode(true));
    await settle();
    expect(cb).toHaveBeenCalledTimes(2);
  });
});
