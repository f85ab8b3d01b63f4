import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { itemFixture, stateFixture, stubIntersectionObserver } from './fixtures.js';
import { ANNOUNCEMENT_EVENTS } from './index.js';
import { mountForTest } from './mount-for-test.js';
import { READ_DWELL_MS } from './visibility.js';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
  window.location.hash = '';
});

const setup = mountForTest;

describe('announcements widget', () => {
  it('shows a bell with the unread count and opens the feed newest first', async () => {
    const { bell, $, $$ } = await setup();
    expect(bell().getAttribute('aria-label')).toBe("What's new, 1 unread");
    expect($('.badge')?.textContent).toBe('1');
    expect(bell().getAttribute('aria-expanded')).toBe('false');
    expect($('.panel')).toBeNull();
    act(() => bell().click());
    expect(bell().getAttribute('aria-expanded')).toBe('true');
    expect($$('.item h3').map((h) => h.textContent)).toEqual(['Title b', 'Title a']);
    expect($('.item .body p')?.textContent).toBe('Hi there, see docs');
    expect($('.item .body strong')?.textContent).toBe('fast');
  });

  it('marks an item read after it has been half visible for a while, once, and drops the badge', async () => {
    vi.useFakeTimers();
    const observers = stubIntersectionObserver(vi.stubGlobal);
    const { bell, $, track } = await setup();
    act(() => bell().click());
    const see = (index: number, ratio: number) => {
      const { callback, targets } = observers[index]!;
      callback(
        [{ isIntersecting: ratio > 0, intersectionRatio: ratio, target: targets[0]! } as IntersectionObserverEntry],
        {} as IntersectionObserver,
      );
    };
    expect(observers).toHaveLength(1);
    act(() => see(0, 0.2));
    act(() => void vi.advanceTimersByTime(READ_DWELL_MS));
    expect(track).not.toHaveBeenCalledWith(ANNOUNCEMENT_EVENTS.read, expect.anything());
    act(() => see(0, 0.8));
    act(() => void vi.advanceTimersByTime(READ_DWELL_MS - 1));
    act(() => see(0, 0));
    act(() => void vi.advanceTimersByTime(READ_DWELL_MS));
    expect(track).not.toHaveBeenCalledWith(ANNOUNCEMENT_EVENTS.read, expect.anything());
    act(() => see(0, 1));
    act(() => void vi.advanceTimersByTime(READ_DWELL_MS));
    expect(track.mock.calls.filter(([name]) => name === ANNOUNCEMENT_EVENTS.read)).toEqual([
      [ANNOUNCEMENT_EVENTS.read, { announcementId: 'b' }],
    ]);
    expect($('.badge')).toBeNull();
    expect(bell().getAttribute('aria-label')).toBe("What's new");
  });

  it('falls back to a dwell timer without IntersectionObserver', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('IntersectionObserver', undefined);
    const { bell, track } = await setup();
    act(() => bell().click());
    act(() => void vi.advanceTimersByTime(READ_DWELL_MS));
    expect(track).toHaveBeenCalledWith(ANNOUNCEMENT_EVENTS.read, { announcementId: 'b' });
  });

  it('keeps the server unread count after a refresh and updates in place', async () => {
    const { handle, $ } = await setup();
    act(() => handle.update(stateFixture({ unread: 3, items: [itemFixture('c'), itemFixture('b'), itemFixture('z')] })));
    expect($('.badge')?.textContent).toBe('3');
  });

  it('opens links to other origins in a new tab without opener, and refuses trait-made dangerous URLs', async () => {
    const item = itemFixture('x', {
      body: [
        {
          type: 'paragraph',
          children: [
            { type: 'link', href: 'https://docs.acme.example/{{user.slug}}', children: [{ type: 'text', value: 'ok' }] },
            { type: 'link', href: '{{user.website}}', children: [{ type: 'text', value: 'bad' }] },
            { type: 'link', href: 'mailto:help@acme.example', children: [{ type: 'text', value: 'mail' }] },
          ],
        },
      ],
    });
    const { bell, $$ } = await setup({ state: stateFixture({ items: [item] }), traits: { slug: 'guide', website: 'javascript:alert(1)' } });
    act(() => bell().click());
    const links = $$('.body a');
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel')])).toEqual([
      ['ok', 'https://docs.acme.example/guide', '_blank', 'noopener noreferrer'],
      ['mail', 'mailto:help@acme.example', null, null],
    ]);
    expect($$('.body p')[0]?.textContent).toContain('bad');
  });

  it('tracks reactions with optional feedback, CTA clicks and event CTAs', async () => {
    const item = itemFixture('x', { cta: { type: 'event', label: 'Try it', name: 'dark_mode_opened' } });
    const { bell, $, $$, track } = await setup({ state: stateFixture({ items: [item] }) });
    act(() => bell().click());
    act(() => $$('.reactions button')[0]!.click());
    expect(track).toHaveBeenCalledWith(ANNOUNCEMENT_EVENTS.reacted, { announcementId: 'x', reaction: 'up' });
    expect($$('.reactions button')[0]!.getAttribute('aria-pressed')).toBe('true');
    const input = $('.feedback input') as HTMLInputElement;
    act(() => {
      input.value = '  Love it  ';
      input.dispatchEvent(new Event('input'));
    });
    act(() => ($('.feedback') as HTMLFormElement).requestSubmit());
    expect(track).toHaveBeenCalledWith(ANNOUNCEMENT_EVENTS.reacted, { announcementId: 'x', reaction: 'up', feedback: 'Love it' });
    expect($('.reactions [role=status]')?.textContent).toBe('Thank you for your feedback!');
    act(() => $('.item .btn-primary')!.click());
    expect(track).toHaveBeenCalledWith(ANNOUNCEMENT_EVENTS.ctaClicked, { announcementId: 'x' });
    expect(track).toHaveBeenCalledWith('dark_mode_opened', { announcementId: 'x' });
  });

  it('pages with "Show more" and appends the next page', async () => {
    const loadPage = vi.fn(async () => ({ items: [itemFixture('old')] }));
    const { bell, $, $$ } = await setup({ state: stateFixture({ nextCursor: 'c1' }), loadPage });
    act(() => bell().click());
    await act(async () => $('.more')!.click());
    expect(loadPage).toHaveBeenCalledWith('c1');
    expect($$('.item h3').map((h) => h.textContent)).toEqual(['Title b', 'Title a', 'Title old']);
    expect($('.more')).toBeNull();
  });

  it('opens one announcement from the #hearth-news/<id> deep link', async () => {
    window.location.hash = '#hearth-news/a';
    const { $, root } = await setup();
    expect($('.panel')).not.toBeNull();
    expect(root().activeElement?.getAttribute('aria-labelledby')).toBe('hearth-news-a');
  });

  it('shows a boosted modal once, tracked for the fatigue budget, trapping focus until closed', async () => {
    const { $, track, handle } = await setup({ state: stateFixture({ boosted: { style: 'modal', item: itemFixture('b') } }) });
    const dialog = $('[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(track).toHaveBeenCalledWith(ANNOUNCEMENT_EVENTS.shown, { promptId: 'b', kind: 'announcement' });
    act(() => (dialog.querySelector('.btn-primary') as HTMLElement).click());
    expect($('[role=dialog]')).toBeNull();
    expect($('.panel')).not.toBeNull();
    act(() => handle.update(stateFixture({ boosted: { style: 'modal', item: itemFixture('b') } })));
    expect($('[role=dialog]')).toBeNull();
    expect(track.mock.calls.filter(([name]) => name === ANNOUNCEMENT_EVENTS.shown)).toHaveLength(1);
  });

  it('shows the "since you were away" digest once and opens an entry from it', async () => {
    const digest = {
      since: '2026-01-01T00:00:00.000Z',
      entries: [{ id: 'b', title: 'Title b', category: 'improved', publishedAt: '2026-03-10T12:00:00.000Z' }],
    };
    const { $, $$, track } = await setup({ state: stateFixture({ digest }) });
    expect($('.digest h2')?.textContent).toBe('While you were away');
    expect($$('.digest li').map((li) => li.textContent)).toEqual(['Improved Title b']);
    expect(track).toHaveBeenCalledWith(ANNOUNCEMENT_EVENTS.digestShown, { announcementIds: ['b'] });
    act(() => $('.digest .link')!.click());
    expect($('.digest')).toBeNull();
    expect($('.panel')).not.toBeNull();
  });

  it('keeps a digest and a boost on screen when the next state no longer offers them', async () => {
    const digest = {
      since: '2026-01-01T00:00:00.000Z',
      entries: [{ id: 'b', title: 'Title b', category: 'new', publishedAt: '2026-03-10T12:00:00.000Z' }],
    };
    const { $, handle } = await setup({ state: stateFixture({ digest, boosted: { style: 'toast', item: itemFixture('a') } }) });
    // The server stored the digest's display, so its next state has neither (it would offer the boost later).
    act(() => handle.update(stateFixture({ unread: 3 })));
    expect($('.digest')).not.toBeNull();
    act(() => ($('.digest .icon-btn') as HTMLElement).click());
    expect($('.digest')).toBeNull();
    // The boost waited behind the digest and is still there once it is closed.
    expect($('.boost.toast h2')?.textContent).toBe('Title a');
  });

  it('renders right-to-left in Arabic with Arabic strings and plurals', async () => {
    const { $, bell, handle } = await setup({ locale: 'ar' });
    expect($('.root')?.getAttribute('dir')).toBe('rtl');
    expect($('.stack')?.getAttribute('dir')).toBe('rtl');
    expect(bell().getAttribute('aria-label')).toBe('ما الجديد, إعلان واحد غير مقروء');
    expect($('.item .cat')).toBeNull();
    act(() => bell().click());
    expect($('.panel h2')?.textContent).toBe('ما الجديد');
    expect($('.item .cat')?.textContent).toBe('جديد');
    act(() => handle.update(stateFixture({ unread: 2 })));
    expect(bell().getAttribute('aria-label')).toBe('ما الجديد, إعلانان غير مقروءين');
  });

  it('speaks Norwegian in nb', async () => {
    const { $, $$, bell, handle } = await setup({ locale: 'nb' });
    expect($('.root')?.getAttribute('dir')).toBe('ltr');
    expect(bell().getAttribute('aria-label')).toBe('Nyheter, 1 ulest');
    act(() => handle.update(stateFixture({ unread: 3 })));
    expect(bell().getAttribute('aria-label')).toBe('Nyheter, 3 uleste');
    act(() => bell().click());
    expect($('.panel h2')?.textContent).toBe('Nyheter');
    expect($('.item .cat')?.textContent).toBe('Nytt');
    expect($$('.reactions .icon-btn').map((b) => b.getAttribute('aria-label'))).toContain('Nyttig');
  });

  it('falls back to English for a locale it does not ship', async () => {
    vi.spyOn(navigator, 'languages', 'get').mockReturnValue(['fr-FR']);
    const { $, bell } = await setup({ locale: 'tlh' });
    expect($('.root')?.getAttribute('lang')).toBe('en');
    expect(bell().getAttribute('aria-label')).toBe("What's new, 1 unread");
  });

  it('uses real buttons and links with names for every control', async () => {
    const { bell, $$ } = await setup();
    act(() => bell().click());
    for (const control of $$('button, a')) {
      expect(['BUTTON', 'A']).toContain(control.tagName);
      if (control.tagName === 'BUTTON') expect(['button', 'submit']).toContain(control.getAttribute('type'));
      expect(control.getAttribute('aria-label') ?? control.textContent?.trim()).toBeTruthy();
    }
  });
});

describe('announcements keyboard, surfaces and live region', () => {
  const escape = (target: Element) => act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));

  it('opening from the bell moves focus into the feed, which follows the bell in the DOM', async () => {
    const { bell, $, root } = await mountForTest();
    bell().focus();
    act(() => bell().click());
    const panel = $('.panel')!;
    expect(panel.contains(root().activeElement)).toBe(true);
    expect(bell().compareDocumentPosition(panel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('Escape closes the feed opened from the bell, with focus on the bell or in the feed', async () => {
    const { bell, $, root } = await mountForTest();
    act(() => bell().click());
    bell().focus();
    escape(bell());
    expect(bell().getAttribute('aria-expanded')).toBe('false');
    act(() => bell().click());
    escape($('.panel h2')!);
    expect(bell().getAttribute('aria-expanded')).toBe('false');
    expect(root().activeElement).toBe(bell());
  });

  it('shows one surface at a time: the boosted toast and the digest give way to the open feed', async () => {
    const digest = {
      since: '2026-01-01T00:00:00.000Z',
      entries: [{ id: 'a', title: 'Title a', category: 'new', publishedAt: '2026-03-10T12:00:00.000Z' }],
    };
    const { bell, $ } = await mountForTest({ state: stateFixture({ boosted: { style: 'toast', item: itemFixture('b') } }) });
    expect($('.boost.toast')).not.toBeNull();
    act(() => bell().click());
    expect($('.boost')).toBeNull();
    document.body.replaceChildren();
    const withDigest = await mountForTest({ state: stateFixture({ digest }) });
    act(() => withDigest.bell().click());
    expect(withDigest.$('.digest')).toBeNull();
  });

  it('draws a boosted modal after the bell, so its backdrop dims the bell', async () => {
    const { bell, $ } = await mountForTest({ state: stateFixture({ boosted: { style: 'modal', item: itemFixture('b') } }) });
    const backdrop = $('.backdrop')!;
    expect(bell().compareDocumentPosition(backdrop) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(backdrop.closest('.float')).toBeNull();
  });

  it('announces new items politely, once, not on every refresh', async () => {
    const { handle, $ } = await mountForTest();
    const live = $('.sr-only[role=status]')!;
    expect(live.textContent).toBe('');
    act(() => handle.update(stateFixture({ unread: 3, items: [itemFixture('c'), itemFixture('b'), itemFixture('a')] })));
    expect(live.textContent).toBe('1 new announcement');
    const said = live.textContent;
    act(() => handle.update(stateFixture({ unread: 3, items: [itemFixture('c'), itemFixture('b'), itemFixture('a')] })));
    expect(live.textContent).toBe(said);
    act(() => handle.update(stateFixture({ unread: 5, items: [itemFixture('e'), itemFixture('d'), itemFixture('c')] })));
    expect(live.textContent).toBe('2 new announcements');
  });

  it('reacts with inline SVG icons, not emoji', async () => {
    const { bell, $$ } = await mountForTest();
    act(() => bell().click());
    const buttons = $$('.reactions button');
    for (const button of buttons) {
      expect(button.querySelector('svg')).not.toBeNull();
      expect(button.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    }
  });
});
