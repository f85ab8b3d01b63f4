import { CONTENT_IMAGE_SCHEMES, CONTENT_LINK_SCHEMES, contentTreeSchema, type ContentNode } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { markdownToTree } from './markdown-to-tree.js';
import { XSS_CORPUS } from './xss-corpus.js';

const ALLOWED_KEYS = new Set(['type', 'value', 'children', 'depth', 'ordered', 'start', 'lang', 'href', 'src', 'alt', 'title']);

function* nodesOf(nodes: readonly ContentNode[]): Generator<ContentNode> {
  for (const node of nodes) {
    yield node;
    if ('children' in node) yield* nodesOf(node.children);
  }
}

describe('XSS corpus through the server parse', () => {
  it('has at least 200 payloads', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(200);
  });

  it.each(XSS_CORPUS.map((c) => [c.name, c.markdown] as const))('%s: nothing dangerous survives', (_name, markdown) => {
    const { tree } = markdownToTree(markdown);
    expect(contentTreeSchema.safeParse(tree).success).toBe(true);
    for (const node of nodesOf(tree)) {
      expect(['html', 'definition', 'thematicBreak']).not.toContain(node.type);
      for (const key of Object.keys(node)) {
        expect(ALLOWED_KEYS.has(key), `attribute ${key}`).toBe(true);
        expect(key.toLowerCase().startsWith('on')).toBe(false);
      }
      if (node.type === 'link') expect(CONTENT_LINK_SCHEMES).toContain(new URL(node.href).protocol);
      if (node.type === 'image') expect(CONTENT_IMAGE_SCHEMES).toContain(new URL(node.src).protocol);
    }
  });
});
