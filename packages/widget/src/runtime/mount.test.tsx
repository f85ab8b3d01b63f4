import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from './mount.js';
import { lazySheet } from './styles.js';

const widgetSheet = lazySheet('.hello{color:rgb(1, 2, 3)}');

afterEach(() => {
  document.head.replaceChildren();
  document.body.replaceChildren();
});

describe('mount', () => {
  it('renders into an open shadow root styled by adopted sheets, with no <style> or style="" markup', () => {
    const container = document.createElement('div');
    document.body.append(container);
    mount({ container, sheets: [widgetSheet()], view: <p class="hello">Hi</p> });

    const root = container.shadowRoot!;
    expect(root.mode).toBe('open');
    expect(root.querySelector('.hello')?.textContent).toBe('Hi');
    expect(root.adoptedStyleSheets).toHaveLength(2);
    expect(root.adoptedStyleSheets[1]).toBe(widgetSheet());
    expect(root.querySelectorAll('style, link, [style]')).toHaveLength(0);
    expect(document.querySelectorAll('style')).toHaveLength(0);
  });

  it('follows its mount point when the page renders it again, and stops following once unmounted', async () => {
    const mountPoint = () => {
      const element = document.body.appendChild(document.createElement('div'));
      element.dataset.hearth = 'checklist';
      return element;
    };
    const first = mountPoint();
    const unmount = mount({ container: first, view: <p class="hello">Hi</p> });
    first.remove();
    const back = mountPoint();
    await vi.waitFor(() => expect(back.shadowRoot?.querySelector('.hello')?.textContent).toBe('Hi'));
    expect(first.shadowRoot!.childNodes).toHaveLength(0);
    unmount();
    back.remove();
    const later = mountPoint();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(later.shadowRoot).toBeNull();
  });

  it('resets the host with !important rules so hostile page styles cannot reach in', () => {
    const container = document.createElement('div');
    document.body.append(container);
    mount({ container, view: <p>x</p> });
    const base = container.shadowRoot!.adoptedStyleSheets[0]!;
    const host = [...base.cssRules].find((rule) => rule.cssText.startsWith(':host'))!.cssText;
    expect(host).toMatch(/all: initial !important/);
    expect(host).toMatch(/display: block !important/);
  });

  it("reserves the inline mount point's min-height only until the widget is mounted", () => {
    const container = document.createElement('div');
    container.dataset.hearth = 'checklist';
    container.style.setProperty('--hearth-min-height', '30rem');
    document.body.append(container);
    mount({ container, view: <p>x</p> });
    // Once mounted, the `all: initial` reset drops the page's reservation: the widget is as tall
    // as what it shows, so a collapsed or hidden checklist leaves no gap.
    const rules = [...container.shadowRoot!.adoptedStyleSheets[0]!.cssRules].map((rule) => rule.cssText);
    expect(rules.filter((rule) => rule.startsWith(':host')).join('\n')).not.toMatch(/min-height/);
  });

  it('turns animations off under prefers-reduced-motion', () => {
    const container = document.createElement('div');
    document.body.append(container);
    mount({ container, view: <p>x</p> });
    const rules = [...container.shadowRoot!.adoptedStyleSheets[0]!.cssRules];
    const reduced = rules.find((rule) => rule.cssText.includes('prefers-reduced-motion'));
    expect(reduced?.cssText).toMatch(/animation: none !important/);
  });

  it('unmounts cleanly and can mount again on the same container', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const unmount = mount({ container, view: <p>one</p> });
    unmount();
    expect(container.shadowRoot!.childNodes).toHaveLength(0);
    expect(container.shadowRoot!.adoptedStyleSheets).toHaveLength(0);
    mount({ container, view: <p>two</p> });
    expect(container.shadowRoot!.textContent).toBe('two');
  });

  it('creates and removes its own host when no container is given', () => {
    const unmount = mount({ view: <p>floating</p> });
    const host = document.body.querySelector('hearth-root')!;
    expect(host.shadowRoot!.textContent).toBe('floating');
    unmount();
    expect(document.body.querySelector('hearth-root')).toBeNull();
  });

  it("leaves a host's own shadow root alone and mounts in a child host instead", () => {
    const container = document.createElement('div');
    document.body.append(container);
    const theirs = container.attachShadow({ mode: 'open' });
    theirs.append(document.createElement('slot'));
    const unmount = mount({ container, view: <p>ours</p> });
    expect(theirs.textContent).toBe('');
    expect(container.querySelector('hearth-root')!.shadowRoot!.textContent).toBe('ours');
    unmount();
    expect(container.querySelector('hearth-root')).toBeNull();
  });

  it('stacks floating surfaces of one corner in one dock, each corner in its own, and removes an empty dock', () => {
    const checklist = mount({ corner: 'bottom-right', view: <p>checklist</p> });
    const survey = mount({ corner: 'bottom-right', view: <p>survey</p> });
    const bell = mount({ corner: 'bottom-left', view: <p>bell</p> });
    const docks = [...document.querySelectorAll<HTMLElement>('hearth-dock')];
    expect(docks.map((dock) => dock.dataset.corner)).toEqual(['bottom-right', 'bottom-left']);
    const [right, left] = docks as [HTMLElement, HTMLElement];
    expect([...right.children].map((host) => host.shadowRoot!.textContent)).toEqual(['checklist', 'survey']);
    // A flex column from the corner up: the later surface sits above the earlier, never on it.
    expect(right.style.getPropertyValue('position')).toBe('fixed');
    expect(right.style.getPropertyPriority('position')).toBe('important');
    expect(right.style.getPropertyValue('display')).toBe('flex');
    expect(right.style.getPropertyValue('flex-direction')).toBe('column-reverse');
    expect(right.style.getPropertyValue('right')).toMatch(/^0(px)?$/);
    expect(left.style.getPropertyValue('left')).toMatch(/^0(px)?$/);
    checklist();
    survey();
    expect(right.isConnected).toBe(false);
    bell();
    expect(document.querySelector('hearth-dock')).toBeNull();
  });
});
