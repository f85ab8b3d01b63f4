import { describe, expect, it } from 'vitest';
import { CONTENT_LINK_SCHEMES, contentTreeSchema, isAllowedUrl } from './content-tree.js';
import { toErrorIssues } from './error-body.js';

const paragraph = (...children: unknown[]) => ({ type: 'paragraph', children });
const link = (href: string) => paragraph({ type: 'link', href, children: [{ type: 'text', value: 'x' }] });

describe('isAllowedUrl', () => {
  it('allows absolute http, https and mailto URLs', () => {
    for (const url of ['https://acme.example/a?b#c', 'http://acme.example', 'mailto:team@acme.example']) {
      expect(isAllowedUrl(url, CONTENT_LINK_SCHEMES), url).toBe(true);
    }
  });

  it('refuses script-capable, relative and obfuscated URLs', () => {
    const bad = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '/settings',
      '//evil.example',
      'settings',
      'https://a.example/\u0000',
    ];
    for (const url of bad) expect(isAllowedUrl(url, CONTENT_LINK_SCHEMES), url).toBe(false);
  });
});

describe('contentTreeSchema', () => {
  it('accepts every allowlisted node type', () => {
    const tree = [
      { type: 'heading', depth: 2, children: [{ type: 'text', value: 'New' }] },
      paragraph(
        { type: 'emphasis', children: [{ type: 'strong', children: [{ type: 'text', value: 'hi' }] }] },
        { type: 'break' },
        { type: 'inlineCode', value: 'x' },
      ),
      paragraph({ type: 'image', src: 'https://cdn.example/a.png', alt: 'A' }),
      { type: 'list', ordered: true, start: 3, children: [{ type: 'listItem', children: [link('mailto:a@b.example')] }] },
      { type: 'code', value: 'let a = 1', lang: 'ts' },
    ];
    expect(contentTreeSchema.parse(tree)).toEqual(tree);
  });

  it('refuses unknown attributes, dangerous URLs and HTML nodes, naming the field', () => {
    const result = contentTreeSchema.safeParse([
      { ...paragraph(), onclick: 'alert(1)' },
      link('javascript:alert(1)'),
      { type: 'html', value: '<script>' },
      { type: 'heading', depth: 1, children: [] },
    ]);
    expect(result.success).toBe(false);
    const paths = toErrorIssues(result.error!).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['0', '1.children.0.href', '2.type', '3.depth']));
  });

  it('bounds nesting depth', () => {
    let inline: unknown = { type: 'text', value: 'deep' };
    for (let i = 0; i < 20; i += 1) inline = { type: 'emphasis', children: [inline] };
    expect(contentTreeSchema.safeParse([paragraph(inline)]).success).toBe(false);
  });
});
