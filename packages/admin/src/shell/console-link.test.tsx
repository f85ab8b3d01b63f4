import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { navigate, route } from '../router.js';
import { ConsoleLink } from './console-link.js';

const host = document.createElement('div');
document.body.append(host);

/** Whether the browser's own handling of the last click was left alone, read after the link's handler. */
let leftToBrowser: boolean[] = [];
host.addEventListener('click', (event) => {
  leftToBrowser.push(!event.defaultPrevented);
  // happy-dom would follow the link; a real browser opens the tab, which Chromium's e2e checks.
  event.preventDefault();
});

let navigated = 0;
beforeEach(() => {
  act(() => navigate('prompts'));
  leftToBrowser = [];
  navigated = 0;
  act(() =>
    render(
      <ConsoleLink to="users/ada" class="button" onNavigate={() => navigated++}>
        Ada
      </ConsoleLink>,
      host,
    ),
  );
});
afterEach(() => act(() => render(null, host)));

const click = (init: MouseEventInit) =>
  act(() => void host.querySelector('a')!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, ...init })));

describe('<ConsoleLink>', () => {
  it("is a real link to the page's address, with the attributes it is given", () => {
    const link = host.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/admin/users/ada');
    expect(link.className).toBe('button');
    expect(link.textContent).toBe('Ada');
  });

  it('a plain click changes the console page without reloading it', () => {
    click({ button: 0 });
    expect(leftToBrowser).toEqual([false]);
    expect(route.value).toBe('users/ada');
    expect(location.pathname).toBe('/admin/users/ada');
    expect(navigated).toBe(1);
  });

  it.each([
    ['ctrl', { ctrlKey: true }],
    ['cmd', { metaKey: true }],
    ['shift', { shiftKey: true }],
    ['alt', { altKey: true }],
    ['middle button', { button: 1 }],
  ] as const)('a %s click is left to the browser (a new tab or window), and the console stays', (_, init) => {
    click({ button: 0, ...init });
    expect(leftToBrowser).toEqual([true]);
    expect(route.value).toBe('prompts');
    expect(navigated).toBe(0);
  });
});
