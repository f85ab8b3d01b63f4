import type { AnnouncementItem, BlockNode } from '@hearth/schema';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mountAnnouncements } from './index.js';

interface XssCase {
  name: string;
  markdown: string;
}

// The corpus lives with the server's sanitizer; loaded through a variable path so it stays outside this package's
// TypeScript program (the widget never imports collector code into its build).
const corpusPath = new URL('../../../../collector/src/content/xss-corpus.ts', import.meta.url).pathname;
const { XSS_CORPUS, XSS_URLS, XSS_TRAITS } = (await import(/* @vite-ignore */ corpusPath)) as {
  XSS_CORPUS: readonly XssCase[];
  XSS_URLS: readonly string[];
  XSS_TRAITS: Record<string, string>;
};

/**
 * Worst case for the browser: the payload in every slot of the tree, as if the server's sanitizer
 * had been bypassed, plus placeholders filled from hostile traits.
 */
function hostileItem(payload: string, index: number): AnnouncementItem {
  const text = { type: 'text' as const, value: `${payload} {{user.firstName}}` };
  const body: BlockNode[] = [
    { type: 'heading', depth: 2, children: [text] },
    {
      type: 'paragraph',
      children: [
        text,
        { type: 'link', href: payload, title: payload, children: [text] },
        { type: 'link', href: '{{user.website}}', children: [text] },
        { type: 'image', src: payload, alt: payload, title: payload },
        { type: 'emphasis', children: [{ type: 'inlineCode', value: payload }] },
      ],
    },
    { type: 'code', value: payload, lang: 'html' },
    { type: 'list', ordered: true, children: [{ type: 'listItem', children: [{ type: 'paragraph', children: [text] }] }] },
    // Not in the allowlist: the renderer must skip it.
    { type: 'html', value: payload } as unknown as BlockNode,
  ];
  return {
    id: `x${index}`,
    title: `${payload} {{user.name}}`,
    category: 'new',
    categoryLabel: payload,
    publishedAt: '2026-03-10T12:00:00.000Z',
    locale: 'en',
    read: false,
    body,
    image: { url: payload, alt: payload },
    cta: { type: 'url', label: payload, url: payload },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

const PAYLOADS = [...XSS_CORPUS.map((c) => c.markdown), ...XSS_URLS];
const CHUNK = 40;
// Several small renders instead of one huge one: each test stays quick on a loaded machine.
const chunks = Array.from(
  { length: Math.ceil(PAYLOADS.length / CHUNK) },
  (_, i) => [i * CHUNK, PAYLOADS.slice(i * CHUNK, (i + 1) * CHUNK)] as const,
);

describe('XSS corpus rendered by the widget', () => {
  it('has at least 200 payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(200);
  });

  it.each(chunks)('payloads from #%i leave no script, event handler or dangerous URL in the DOM', async (start, payloads) => {
    // happy-dom has no alert and runs no scripts; a stub catches any payload that did run.
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const items = payloads.map((payload, i) => hostileItem(payload, start + i));
    await act(async () => {
      await mountAnnouncements({ state: { unread: items.length, items }, traits: XSS_TRAITS, track: () => {}, locale: 'en' });
    });
    const root = document.querySelector('hearth-root')!.shadowRoot!;
    act(() => root.querySelector<HTMLElement>('.launcher')!.click());
    const panel = root.querySelector('.panel')!;
    // The feed renders a long list a chunk per task.
    await vi.waitFor(() => expect(panel.querySelectorAll('article')).toHaveLength(items.length), { timeout: 5_000 });
    const ALLOWED = new Set([
      'SECTION',
      'DIV',
      'H2',
      'H3',
      'H4',
      'H5',
      'H6',
      'P',
      'SPAN',
      'TIME',
      'ARTICLE',
      'A',
      'IMG',
      'EM',
      'STRONG',
      'CODE',
      'PRE',
      'BR',
      'UL',
      'OL',
      'LI',
      'BUTTON',
      'FORM',
      'INPUT',
      'BDI',
    ]);
    // The reaction buttons' own icons are the only SVG allowed.
    const icon = (element: Element) => ['svg', 'path'].includes(element.tagName) && !!element.closest('.reactions > button');
    for (const element of panel.querySelectorAll('*')) {
      expect(ALLOWED.has(element.tagName) || icon(element), element.tagName).toBe(true);
      for (const attribute of element.attributes) {
        expect(attribute.name.toLowerCase().startsWith('on'), attribute.name).toBe(false);
        if (['href', 'src', 'action', 'formaction', 'xlink:href'].includes(attribute.name)) {
          expect(attribute.value, `${element.tagName} ${attribute.name}`).toMatch(/^(https?:|mailto:)/);
        }
      }
      if (element.tagName === 'A' && element.getAttribute('target') === '_blank')
        expect(element.getAttribute('rel')).toBe('noopener noreferrer');
    }
    expect(alert).not.toHaveBeenCalled();
    // Hostile trait values are visible as text, not markup.
    expect(panel.textContent).toContain('<script>alert(1)</script>');
  });
});
