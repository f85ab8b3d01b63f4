import { describe, expect, it } from 'vitest';
import { renderEmail } from './email-document.js';
import { markdownToTree } from './markdown-to-tree.js';
import { fillPlaceholders } from './placeholders.js';
import { XSS_CORPUS, XSS_TRAITS, XSS_URLS } from './xss-corpus.js';

const fill = (text: string) => fillPlaceholders(text, XSS_TRAITS);
const href = (url: string) => `https://hearth.example/v1/email/click?u=${encodeURIComponent(url)}`;

const TAGS = new Set([
  'html',
  'head',
  'meta',
  'title',
  'body',
  'div',
  'p',
  'a',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'h7',
  'strong',
  'em',
  'code',
  'pre',
  'ul',
  'ol',
  'li',
  'br',
  'img',
]);
const ATTRIBUTES = new Set(['charset', 'name', 'content', 'style', 'href', 'title', 'rel', 'src', 'alt', 'loading', 'start']);

/**
 * What must never appear in an email's HTML part: an element outside the renderer's own set, an
 * attribute that could run script, or a script URL. Attribute values are escaped (no raw `"`), so
 * reading tags with a pattern is exact here.
 */
function dangerous(html: string): string[] {
  const found: string[] = [];
  const body = html.replace(/^<!doctype html>/i, '');
  for (const tag of body.matchAll(/<\/?([a-zA-Z0-9]+)([^>]*)>/g)) {
    if (!TAGS.has(tag[1]!.toLowerCase())) found.push(`element ${tag[1]}`);
    const rest = tag[2]!.replace(/\s([a-z-]+)="[^"]*"/g, (_m, name: string) => {
      if (!ATTRIBUTES.has(name)) found.push(`attribute ${name}`);
      return '';
    });
    if (rest.trim() !== '' && rest.trim() !== '/') found.push(`unparsed ${rest}`);
  }
  if (/<(?![a-zA-Z/!])/.test(body)) found.push('stray <');
  if (/(href|src)="\s*(javascript|vbscript|data:text)/i.test(html)) found.push('script URL');
  return found;
}

describe('XSS corpus through the email renderer (HTML and text parts, hostile traits)', () => {
  it.each(XSS_CORPUS.map((c) => [c.name, c.markdown] as const))('%s', (_name, markdown) => {
    const { tree } = markdownToTree(markdown);
    const email = renderEmail(
      {
        subject: `News for {{user.company}} {{user.name}}`,
        intro: tree,
        sections: [{ title: '{{user.firstName}}', label: '{{user.bio}}', body: tree, publishedAt: '2026-11-01T00:00:00.000Z' }],
        cta: { label: '{{user.name}}', url: 'https://app.example/' },
        productName: 'Acme',
        reason: 'You get product updates',
        unsubscribeUrl: 'https://hearth.example/v1/email/unsubscribe?t=x',
      },
      fill,
      href,
    );
    expect(dangerous(email.html)).toEqual([]);
    expect(email.subject).not.toMatch(/[\r\n]/);
    // The text part is never read as markup; its links are only the checked, redirected ones.
    expect(email.text).not.toMatch(/click\?u=(javascript|vbscript|data)/i);
  });

  it.each(XSS_URLS.map((url) => [url]))('a CTA or link to %j never becomes a script link', (url) => {
    const { tree } = markdownToTree(`[x](${url})`);
    const email = renderEmail(
      { subject: 's', intro: tree, sections: [], productName: 'Acme', reason: 'r', unsubscribeUrl: 'https://hearth.example/u' },
      fill,
      href,
    );
    expect(dangerous(email.html)).toEqual([]);
  });
});
