import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { itemFixture, stubIntersectionObserver } from './announcements/fixtures.js';
import { mountAnnouncements } from './announcements/index.js';
import { checklistFixture } from './checklist/fixtures.js';
import { mountChecklist } from './checklist/index.js';

// The corpus lives with the schema; loaded through a variable path so the widget's build never sees it.
const corpusPath = new URL('../../../schema/src/link-tricks.ts', import.meta.url).pathname;
const { LINK_TRICKS, TRAIT_TRICKS, GOOD_LINKS } = (await import(/* @vite-ignore */ corpusPath)) as Record<
  'LINK_TRICKS' | 'TRAIT_TRICKS' | 'GOOD_LINKS',
  string[]
>;

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** Every link in the widget is absolute http(s) and, unless its source was absolute, on the page's origin. */
function expectLinksOnPage(root: ShadowRoot, absoluteSources: number) {
  const origin = new URL(document.URL).origin;
  const hrefs = [...root.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!);
  const offSite = hrefs.filter((href) => new URL(href).origin !== origin);
  expect(offSite.length, JSON.stringify(offSite)).toBeLessThanOrEqual(absoluteSources);
  for (const href of hrefs) expect(href).toMatch(/^https?:\/\//);
}

describe('links in widgets stay where they say', () => {
  it('checklist actions from the trick corpus render on the page origin or not at all', async () => {
    const items = LINK_TRICKS.map((url, i) => ({
      id: `t${i}`,
      title: `Trick ${i}`,
      action: { type: 'url' as const, url, newTab: false },
      optional: false,
      done: false,
      skipped: false,
    }));
    const container = document.body.appendChild(document.createElement('div'));
    await act(async () => {
      await mountChecklist({ container, checklist: { ...checklistFixture(), items }, locale: 'en', track: () => {}, onHide: () => {} });
    });
    const root = container.shadowRoot!;
    expect(root.querySelectorAll('li')).toHaveLength(LINK_TRICKS.length);
    expectLinksOnPage(root, 0);
  });

  it('keeps good checklist links', async () => {
    const items = GOOD_LINKS.map((url, i) => ({
      id: `g${i}`,
      title: `Good ${i}`,
      action: { type: 'url' as const, url, newTab: false },
      optional: false,
      done: false,
      skipped: false,
    }));
    const container = document.body.appendChild(document.createElement('div'));
    await act(async () => {
      await mountChecklist({ container, checklist: { ...checklistFixture(), items }, locale: 'en', track: () => {}, onHide: () => {} });
    });
    expect(container.shadowRoot!.querySelectorAll('a[href]')).toHaveLength(GOOD_LINKS.length);
  });

  it.each([
    ['from the corpus', LINK_TRICKS.map((url) => ({ url, traits: {} }))],
    [
      'as /{{user.x}} templates filled from hostile traits',
      TRAIT_TRICKS.map((trait, i) => ({ url: `/{{user.t${i}}}`, traits: { [`t${i}`]: trait } })),
    ],
  ])('announcement CTAs %s render on the page origin or not at all', async (_name, cases) => {
    stubIntersectionObserver(vi.stubGlobal);
    const items = cases.map(({ url }, i) => itemFixture(`n${i}`, { body: [], cta: { type: 'url', label: 'Go', url } }));
    const traits = Object.assign({}, ...cases.map((c) => c.traits));
    await act(async () => {
      await mountAnnouncements({ state: { unread: items.length, items }, traits, track: () => {}, locale: 'en' });
    });
    const root = document.querySelector('hearth-root')!.shadowRoot!;
    act(() => root.querySelector<HTMLElement>('.launcher')!.click());
    await vi.waitFor(() => expect(root.querySelectorAll('article')).toHaveLength(items.length), { timeout: 10_000 });
    expectLinksOnPage(root, 0);
  });

  it('fills a /{{user.x}} CTA into a link on the page', async () => {
    stubIntersectionObserver(vi.stubGlobal);
    const items = [itemFixture('n', { body: [], cta: { type: 'url', label: 'Go', url: '/u/{{user.handle}}' } })];
    await act(async () => {
      await mountAnnouncements({ state: { unread: 1, items }, traits: { handle: 'ada' }, track: () => {}, locale: 'en' });
    });
    const root = document.querySelector('hearth-root')!.shadowRoot!;
    act(() => root.querySelector<HTMLElement>('.launcher')!.click());
    await vi.waitFor(() => expect(root.querySelector('article a.btn')?.getAttribute('href')).toBe(new URL('/u/ada', document.URL).href));
  });
});
