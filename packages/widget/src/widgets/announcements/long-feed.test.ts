import type { AnnouncementItem } from '@hearth/schema';
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

const items = (from: number, count: number): AnnouncementItem[] => Array.from({ length: count }, (_, i) => itemFixture(`n${from + i}`));

/** A paged feed as the collector serves it: `first` items with `/v1/state`, then pages of 10. */
function pagedFeed(total: number, first = 10) {
  const loadPage = vi.fn(async (cursor: string) => {
    const from = Number(cursor);
    const next = from + 10;
    return { items: items(from, Math.min(10, total - from)), ...(next < total ? { nextCursor: String(next) } : {}) };
  });
  return { state: stateFixture({ unread: total, items: items(0, first), nextCursor: String(first) }), loadPage };
}

const setup = mountForTest;

/** Generous: the shared test machine is often busy. */
const WAIT = { timeout: 5_000 };

/** Lets timers and the renders they start run, for real. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 5)));

describe('a long announcement feed', () => {
  it('renders a long list a chunk per task, in order, keeping "more" at the end', async () => {
    const { state, loadPage } = pagedFeed(100, 50);
    const { bell, titles, root } = await setup({ state, loadPage });
    act(() => bell().click());
    expect(titles()).toHaveLength(20);
    await vi.waitFor(() => expect(titles()).toHaveLength(50), WAIT);
    expect(titles().slice(0, 3)).toEqual(['Title n0', 'Title n1', 'Title n2']);
    expect(root().querySelector('.panel')!.lastElementChild?.classList.contains('more')).toBe(true);
  });

  it('renders only the new items when a page is added, not the ones already shown', async () => {
    const { state, loadPage } = pagedFeed(30);
    const { bell, titles, root } = await setup({ state, loadPage });
    act(() => bell().click());
    const renders = vi.spyOn(Date, 'parse');
    await act(async () => root().querySelector<HTMLElement>('.more')!.click());
    expect(titles()).toHaveLength(20);
    expect(renders).toHaveBeenCalledTimes(10);
  });

  it('watches every item with one IntersectionObserver and marks items seen together read in one go', async () => {
    vi.useFakeTimers();
    const observers = stubIntersectionObserver(vi.stubGlobal);
    const { bell, track } = await setup({ state: stateFixture({ unread: 3, items: items(0, 3) }) });
    act(() => bell().click());
    expect(observers).toHaveLength(1);
    const [{ callback, targets }] = observers as [(typeof observers)[0]];
    expect(targets).toHaveLength(3);
    // Each item re-renders on its own read flag only: one date parsed per item marked read.
    const renders = vi.spyOn(Date, 'parse');
    const seen = (indexes: number[]) =>
      callback(
        indexes.map((i) => ({ isIntersecting: true, intersectionRatio: 1, target: targets[i]! }) as IntersectionObserverEntry),
        {} as IntersectionObserver,
      );
    act(() => seen([0, 1]));
    act(() => void vi.advanceTimersByTime(READ_DWELL_MS));
    expect(track.mock.calls.filter(([name]) => name === ANNOUNCEMENT_EVENTS.read).map(([, p]) => p)).toEqual([
      { announcementId: 'n0' },
      { announcementId: 'n1' },
    ]);
    expect(renders).toHaveBeenCalledTimes(2);
  });

  it('keeps the pages the reader loaded when a state refresh arrives while the feed is open, and pages on from there', async () => {
    const { state, loadPage } = pagedFeed(40);
    const { bell, titles, root, handle } = await setup({ state, loadPage });
    act(() => bell().click());
    await act(async () => root().querySelector<HTMLElement>('.more')!.click());
    expect(titles()).toHaveLength(20);
    // A refresh: one new announcement on top, so the first page now ends one item earlier.
    act(() => handle.update(stateFixture({ unread: 41, items: [itemFixture('new'), ...items(0, 9)], nextCursor: '9' })));
    await settle();
    expect(titles()).toEqual(['Title new', ...items(0, 20).map((i) => `Title ${i.id}`)]);
    await act(async () => root().querySelector<HTMLElement>('.more')!.click());
    expect(loadPage).toHaveBeenLastCalledWith('20');
    expect(titles()).toHaveLength(31);
    // Closed, a refresh starts the feed over from its first page.
    act(() => bell().click());
    act(() => handle.update(stateFixture({ unread: 40, items: items(0, 10), nextCursor: '10' })));
    act(() => bell().click());
    await settle();
    expect(titles()).toHaveLength(10);
  });

  it('loads pages until a deep-linked item is found, then focuses it', async () => {
    const { state, loadPage } = pagedFeed(60);
    window.location.hash = '#hearth-news/n47';
    await settle(); // its hashchange event, before the widget listens
    const { root } = await setup({ state, loadPage });
    await vi.waitFor(() => expect(root().activeElement?.getAttribute('aria-labelledby')).toBe('hearth-news-n47'), WAIT);
    expect(loadPage.mock.calls.map(([cursor]) => cursor)).toEqual(['10', '20', '30', '40']);
  });

  it('hides the feed on close and shows the same items again on open, focusing an item opened by id', async () => {
    const { bell, root, handle } = await setup();
    act(() => bell().click());
    const first = root().querySelector('.item');
    act(() => bell().click());
    expect(root().querySelector<HTMLElement>('.panel')!.hidden).toBe(true);
    expect(bell().getAttribute('aria-expanded')).toBe('false');
    act(() => void handle.open('a'));
    expect(root().querySelector<HTMLElement>('.panel')!.hidden).toBe(false);
    expect(root().querySelector('.item')).toBe(first);
    expect(root().activeElement?.getAttribute('aria-labelledby')).toBe('hearth-news-a');
    act(() => bell().click());
    act(() => void handle.open('a'));
    expect(root().activeElement?.getAttribute('aria-labelledby')).toBe('hearth-news-a');
  });

  it('stops looking for a deep-linked item when no page comes, and keeps "more" for a retry', async () => {
    const loadPage = vi.fn(async () => {
      throw new Error('offline');
    });
    window.location.hash = '#hearth-news/gone';
    await settle(); // its hashchange event, before the widget listens
    const { root, titles } = await setup({ state: stateFixture({ nextCursor: 'c1' }), loadPage });
    await settle();
    expect(loadPage).toHaveBeenCalledTimes(1);
    expect(titles()).toEqual(['Title b', 'Title a']);
    expect(root().querySelector('.more')).not.toBeNull();
  });
});
