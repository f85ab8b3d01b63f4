import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checklistFixture, withDone } from './fixtures.js';
import { mountChecklist, type MountChecklistOptions } from './index.js';
import { EVENTS as CHECKLIST_EVENTS } from './model.js';

afterEach(() => {
  document.body.replaceChildren();
});

async function setup(options: Partial<MountChecklistOptions> = {}) {
  const container = document.createElement('div');
  container.dataset.hearth = 'checklist';
  document.body.append(container);
  const track = vi.fn();
  const onHide = vi.fn();
  let handle!: Awaited<ReturnType<typeof mountChecklist>>;
  await act(async () => {
    handle = await mountChecklist({ container, checklist: checklistFixture(), locale: 'en', track, onHide, ...options });
  });
  const root = () =>
    (options.container === undefined && 'container' in options ? document.querySelector('hearth-root')! : container).shadowRoot!;
  const $ = <E extends Element = HTMLElement>(selector: string) => root().querySelector<E & HTMLElement>(selector);
  const button = (name: string) =>
    [...root().querySelectorAll<HTMLElement>('button, a')].find((el) => (el.getAttribute('aria-label') ?? el.textContent) === name);
  return { container, track, onHide, handle, root, $, button };
}

describe('checklist widget', () => {
  it('renders into a shadow root with the runtime and checklist sheets adopted', async () => {
    const { root, track } = await setup();
    expect(root().adoptedStyleSheets).toHaveLength(2);
    expect(root().querySelector('h2')?.textContent).toBe('Get started, there');
    expect(root().querySelectorAll('li')).toHaveLength(3);
    expect(track).toHaveBeenCalledWith(CHECKLIST_EVENTS.shown, { promptId: 'getting-started', kind: 'checklist' });
  });

  it('ticks items when progress arrives, without remounting', async () => {
    const { handle, $, root, track } = await setup();
    const list = $('ol');
    expect($('.count')?.textContent).toBe('1 of 3');
    act(() => handle.update(withDone(checklistFixture(), { invite: true })));
    expect($('ol')).toBe(list);
    expect($('.count')?.textContent).toBe('2 of 3');
    expect($('[role=progressbar]')?.getAttribute('aria-valuenow')).toBe('2');
    expect(root().querySelectorAll('li[data-state=done]')).toHaveLength(2);
    expect(track).toHaveBeenCalledWith(CHECKLIST_EVENTS.itemCompleted, { promptId: 'getting-started', itemId: 'invite' });
  });

  it('celebrates when the last item is done', async () => {
    const { handle, $ } = await setup();
    expect($('[role=status]')).toBeNull();
    act(() => handle.update(withDone(checklistFixture(), { invite: true, tour: true })));
    expect($('[role=status]')?.textContent).toContain('All done');
    expect($('[role=status]')?.classList.contains('pop')).toBe(true);
  });

  it('uses real buttons and links with names for every control', async () => {
    const { root } = await setup();
    // `tabindex="-1"` items take focus only by script (when their buttons go), never by Tab.
    const controls = [...root().querySelectorAll('button, a, [onclick], [tabindex]:not([tabindex="-1"])')];
    expect(controls.length).toBeGreaterThanOrEqual(4);
    for (const control of controls) {
      expect(['BUTTON', 'A']).toContain(control.tagName);
      if (control.tagName === 'BUTTON') expect(control.getAttribute('type')).toBe('button');
      expect(control.getAttribute('aria-label') ?? control.textContent?.trim()).toBeTruthy();
      expect(control.getAttribute('tabindex')).toBeNull();
    }
  });

  it('links URL actions safely and tracks event actions', async () => {
    const javascriptItem = { action: { type: 'url' as const, url: 'javascript:alert(1)', newTab: false } };
    const { root, button, track } = await setup({ checklist: checklistFixture({}, [{ done: false }, {}, javascriptItem]) });
    const links = [...root().querySelectorAll('a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual([new URL('/settings/profile', document.baseURI).href]);
    act(() => [...root().querySelectorAll<HTMLElement>('li')][1]!.querySelector('button')!.click());
    expect(track).toHaveBeenCalledWith('invite_opened');
    expect(button('Skip')).toBeDefined();
  });

  it('skips an optional item through the callback and updates the count at once', async () => {
    const { button, track, $ } = await setup();
    act(() => button('Skip')!.click());
    expect(track).toHaveBeenCalledWith(CHECKLIST_EVENTS.itemSkipped, { promptId: 'getting-started', itemId: 'tour' });
    expect($('li[data-state=skipped]')).not.toBeNull();
    expect($('.count')?.textContent).toBe('2 of 3');
    expect(button('Skip')).toBeUndefined();
  });

  it('dismisses through the callback and disappears', async () => {
    const { button, track, onHide, root } = await setup();
    act(() => button('Dismiss')!.click());
    expect(track).toHaveBeenCalledWith(CHECKLIST_EVENTS.dismissed, { promptId: 'getting-started', kind: 'checklist' });
    expect(onHide).toHaveBeenCalledTimes(1);
    expect(root().querySelector('section')).toBeNull();
  });

  it('minimizes inline to the header and expands again', async () => {
    const { button, $ } = await setup();
    act(() => button('Minimize')!.click());
    expect($('ol')).toBeNull();
    expect(button('Expand')?.getAttribute('aria-expanded')).toBe('false');
    act(() => button('Expand')!.click());
    expect($('ol')).not.toBeNull();
  });

  it('keeps personalized text as text: markup in traits never becomes elements', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const { root, $ } = await setup({ traits: { firstName: evil } });
    expect($('h2')?.textContent).toBe(`Get started, ${evil}`);
    expect(root().querySelector('img')).toBeNull();
  });

  it('renders Arabic right-to-left with Arabic strings and digits', async () => {
    const { $, button } = await setup({ locale: 'ar-SA' });
    const root = $('.root');
    expect(root?.getAttribute('dir')).toBe('rtl');
    expect(root?.getAttribute('lang')).toBe('ar');
    const format = new Intl.NumberFormat('ar');
    expect($('.count')?.textContent).toBe(`${format.format(1)} من ${format.format(3)}`);
    expect(button('إغلاق')).toBeDefined();
  });

  it('keeps a floating corner physical in Arabic while the card reads right-to-left', async () => {
    const { $ } = await setup({ container: undefined, locale: 'ar', corner: 'bottom-left' });
    expect($('.float')?.getAttribute('dir')).toBe('ltr');
    expect($('.card')?.getAttribute('dir')).toBe('rtl');
  });

  it('falls back from a regional tag to its language, and from unknown locales to English', async () => {
    expect((await setup({ locale: 'nb-NO' })).$('.count')?.textContent).toBe('1 av 3');
    document.body.replaceChildren();
    const unknown = await setup({ locale: 'tlh' });
    expect(unknown.button('Dismiss')).toBeDefined();
  });

  it('switches language in place when the core sets a new locale', async () => {
    const { handle, $ } = await setup();
    await act(() => handle.setContext({ locale: 'id', traits: { firstName: 'Budi' } }));
    expect($('.count')?.textContent).toBe('1 dari 3');
    expect($('h2')?.textContent).toBe('Get started, Budi');
  });

  it('unmounts without leaving anything behind', async () => {
    const { handle, root } = await setup();
    act(() => handle.unmount());
    expect(root().childNodes).toHaveLength(0);
  });
});

describe('floating checklist', () => {
  it('sits in a corner with a labelled launcher and never takes focus from the host', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const { $ } = await setup({ container: undefined, corner: 'top-left' });
    expect(document.activeElement).toBe(input);
    expect($('.float')?.dataset.corner).toBe('top-left');
    const launcher = $('.launcher')!;
    expect(launcher.getAttribute('aria-label')).toBe('Get started, there: 1 of 3, 2 steps left');
    expect(launcher.getAttribute('aria-expanded')).toBe('true');
    expect($('.badge')?.textContent).toBe('2');
  });

  it('collapses to the launcher on Escape and hands it focus; the launcher reopens it', async () => {
    const { $ } = await setup({ container: undefined });
    const card = $('section')!;
    act(() => {
      card.querySelector('button')!.focus();
      card.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect($('section')).toBeNull();
    const launcher = $('.launcher')!;
    expect(launcher.getRootNode()).toBeInstanceOf(ShadowRoot);
    expect((launcher.getRootNode() as ShadowRoot).activeElement).toBe(launcher);
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    act(() => launcher.click());
    expect($('section')).not.toBeNull();
  });
});

describe('checklist focus after actions', () => {
  /** MutationObserver callbacks run as microtasks after the render that removed the control. */
  const settle = () => act(async () => await Promise.resolve());

  for (const locale of ['en', 'ar']) {
    it(`keeps focus on the item when Enter on its Start ticks it (${locale})`, async () => {
      const { handle, root } = await setup({ locale });
      const start = root().querySelector<HTMLElement>('li:nth-child(2) .btn-primary')!;
      start.focus();
      act(() => handle.update(withDone(checklistFixture(), { invite: true })));
      await settle();
      const active = root().activeElement;
      expect(active?.tagName).toBe('LI');
      expect(active?.getAttribute('data-state')).toBe('done');
    });
  }

  it('keeps focus on the item when it is skipped', async () => {
    const { root, button } = await setup();
    button('Skip')!.focus();
    act(() => button('Skip')!.click());
    await settle();
    expect(root().activeElement?.getAttribute('data-state')).toBe('skipped');
  });

  it('gives focus back to where it came from when the checklist is dismissed', async () => {
    const before = document.body.appendChild(document.createElement('button'));
    const { button } = await setup();
    before.focus();
    button('Dismiss')!.focus();
    act(() => button('Dismiss')!.click());
    await settle();
    expect(document.activeElement).toBe(before);
  });

  it('floating: the launcher comes before the card, so Tab goes from it into the card', async () => {
    const { $ } = await setup({ container: undefined });
    const launcher = $('.launcher')!;
    expect(launcher.compareDocumentPosition($('section')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('celebrates without emoji', async () => {
    const { handle, root } = await setup();
    act(() => handle.update(withDone(checklistFixture(), { invite: true, tour: true })));
    expect(root().textContent).not.toMatch(/\p{Extended_Pictographic}/u);
  });
});
