import { describe, expect, it } from 'vitest';
import { announcementCtaSchema } from './announcement.js';
import { checklistActionSchema } from './checklist.js';
import { GOOD_LINKS, LINK_TRICKS, TRAIT_TRICKS } from './link-tricks.js';
import { resolveLink } from './links.js';

const PAGES = ['https://app.example.com/projects/1', 'http://localhost:3013/'];
const onPage = (href: string | undefined, page: string) => href === undefined || new URL(href).origin === new URL(page).origin;
const accepts = {
  checklist: (url: string) => checklistActionSchema.safeParse({ type: 'url', url }).success,
  announcement: (url: string) => announcementCtaSchema.safeParse({ type: 'url', label: 'Go', url }).success,
};

describe('resolveLink', () => {
  it.each(PAGES)('keeps every relative trick on %s or refuses it', (page) => {
    expect(LINK_TRICKS.length).toBeGreaterThan(300);
    for (const url of LINK_TRICKS) expect(onPage(resolveLink(url, page), page), JSON.stringify(url)).toBe(true);
  });

  it('keeps placeholder-produced links on the page (the template was checked, the trait was not)', () => {
    const page = PAGES[0]!;
    for (const trait of TRAIT_TRICKS) expect(onPage(resolveLink(`/${trait}`, page), page), JSON.stringify(trait)).toBe(true);
  });

  it('resolves paths and absolute links where they say', () => {
    expect(resolveLink('/settings', PAGES[0]!)).toBe('https://app.example.com/settings');
    expect(resolveLink('https://docs.example.com/x', PAGES[0]!)).toBe('https://docs.example.com/x');
    for (const url of GOOD_LINKS) expect(resolveLink(url, PAGES[0]!), url).toBeDefined();
  });

  it('refuses script and data links, and anything not http(s):// or a path', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:,x', ' https://a.example/', 'settings', 'mailto:a@b.example']) {
      expect(resolveLink(url, PAGES[0]!), url).toBeUndefined();
    }
  });
});

describe.each(Object.entries(accepts))('%s url schema', (_name, accept) => {
  it('refuses the tricks that would leave the site, with the field named', () => {
    for (const url of [
      '/\\evil.example/x',
      '/\t/evil.example/x',
      '//evil.example/x',
      '/\\/evil.example/x',
      ' /x',
      'javascript:alert(1)',
      'https://a.example/\tx',
      '/a\\b',
      '/a\u00a0b',
    ]) {
      expect(accept(url), JSON.stringify(url)).toBe(false);
    }
    const result = checklistActionSchema.safeParse({ type: 'url', url: '/\\evil.example/x' });
    expect(result.error?.issues[0]?.path).toEqual(['url']);
  });

  it('accepts a trick only when it resolves on the page', () => {
    for (const url of LINK_TRICKS) {
      if (accept(url)) expect(onPage(resolveLink(url, PAGES[0]!), PAGES[0]!), JSON.stringify(url)).toBe(true);
    }
    for (const url of GOOD_LINKS) expect(accept(url), url).toBe(true);
  });
});
