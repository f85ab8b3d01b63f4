import { readFileSync } from 'node:fs';
import { contentTreeSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { markdownToTree } from './markdown-to-tree.js';

const text = (value: string) => ({ type: 'text', value });

describe('markdownToTree', () => {
  it('keeps the allowlisted constructs', () => {
    const { tree, warnings } = markdownToTree(
      '## New\n\nTry *this* and **that**, `code`,  \nthen [docs](https://acme.example/docs "Docs") or [mail](mailto:a@acme.example).\n\n' +
        '![Shot](https://cdn.acme.example/a.png)\n\n3. one\n4. two\n\n```ts\nlet a = 1;\n```',
    );
    expect(warnings).toEqual([]);
    expect(tree).toEqual([
      { type: 'heading', depth: 2, children: [text('New')] },
      {
        type: 'paragraph',
        children: [
          text('Try '),
          { type: 'emphasis', children: [text('this')] },
          text(' and '),
          { type: 'strong', children: [text('that')] },
          text(', '),
          { type: 'inlineCode', value: 'code' },
          text(','),
          { type: 'break' },
          text('then '),
          { type: 'link', href: 'https://acme.example/docs', title: 'Docs', children: [text('docs')] },
          text(' or '),
          { type: 'link', href: 'mailto:a@acme.example', children: [text('mail')] },
          text('.'),
        ],
      },
      { type: 'paragraph', children: [{ type: 'image', src: 'https://cdn.acme.example/a.png', alt: 'Shot' }] },
      {
        type: 'list',
        ordered: true,
        start: 3,
        children: [
          { type: 'listItem', children: [{ type: 'paragraph', children: [text('one')] }] },
          { type: 'listItem', children: [{ type: 'paragraph', children: [text('two')] }] },
        ],
      },
      { type: 'code', value: 'let a = 1;', lang: 'ts' },
    ]);
    expect(contentTreeSchema.safeParse(tree).success).toBe(true);
  });

  it('drops raw HTML, keeping the text between tags, and says where', () => {
    const { tree, warnings } = markdownToTree('Hello <b onclick="alert(1)">bold</b> world\n\n<script>alert(1)</script>');
    expect(tree).toEqual([{ type: 'paragraph', children: [text('Hello bold world')] }]);
    expect(warnings).toEqual([
      { line: 1, message: 'raw HTML was dropped' },
      { line: 1, message: 'raw HTML was dropped' },
      { line: 3, message: 'raw HTML was dropped' },
    ]);
  });

  it('unlinks dangerous and relative URLs but keeps the link text; drops such images', () => {
    const { tree, warnings } = markdownToTree(
      '[a](javascript:alert(1)) [b](/settings) [c][r] ![d](data:image/png;base64,AA)\n\n[r]: vbscript:x',
    );
    expect(tree).toEqual([{ type: 'paragraph', children: [text('a b c ')] }]);
    expect(warnings.map((w) => w.message)).toEqual([
      'link to "javascript:alert(1)" was removed: only absolute http, https and mailto URLs are allowed',
      'link to "/settings" was removed: only absolute http, https and mailto URLs are allowed',
      'link to "vbscript:x" was removed: only absolute http, https and mailto URLs are allowed',
      'image "data:image/png;base64,AA" was dropped: only absolute http and https images are allowed',
    ]);
  });

  it('resolves reference links, clamps headings to 2–4, unwraps quotes, drops rules', () => {
    const { tree } = markdownToTree('# Top\n\n###### Low\n\n> quoted [x][ok]\n\n---\n\n[ok]: https://acme.example');
    expect(tree).toEqual([
      { type: 'heading', depth: 2, children: [text('Top')] },
      { type: 'heading', depth: 4, children: [text('Low')] },
      { type: 'paragraph', children: [text('quoted '), { type: 'link', href: 'https://acme.example', children: [text('x')] }] },
    ]);
  });

  it('flattens nesting past the limit into text and bounds huge bodies', () => {
    const deep = markdownToTree(`${'> '.repeat(40)}[deep](https://acme.example)`);
    expect(contentTreeSchema.safeParse(deep.tree).success).toBe(true);
    expect(JSON.stringify(deep.tree)).toContain('deep');
    const huge = markdownToTree('*a* '.repeat(5_000));
    expect(contentTreeSchema.safeParse(huge.tree).success).toBe(true);
    expect(huge.warnings.at(-1)?.message).toMatch(/cut after/);
  });

  it('keeps placeholders as text, for the widget to fill', () => {
    expect(markdownToTree('Hi {{user.firstName | "there"}}').tree).toEqual([
      { type: 'paragraph', children: [text('Hi {{user.firstName | "there"}}')] },
    ]);
  });
});

describe('raw HTML, as docs/announcements.md describes it', () => {
  const doc = readFileSync(new URL('../../../../docs/announcements.md', import.meta.url), 'utf8');

  it('drops an HTML block with everything in it, and says so', () => {
    for (const block of [
      '<script>\nalert("inner")\n</script>',
      '<div>\ninner text\n</div>',
      '<!--\ninner\n-->',
      '<style>\np{}\n</style>',
    ]) {
      const { tree } = markdownToTree(`${block}\n\nAfter`);
      expect(tree, block).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'After' }] }]);
    }
    expect(doc).toMatch(/HTML blocks[^\n]*`<script>…<\/script>`[^\n]*dropped with everything in it/);
  });

  it('keeps the text between inline tags, and says so', () => {
    expect(markdownToTree('Hello <b>bold</b>').tree).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: 'Hello bold' }] }]);
    expect(doc).toMatch(/inline HTML tags[^\n]*the text between them stays/);
    expect(doc).not.toContain('only the text between tags remains');
  });
});
