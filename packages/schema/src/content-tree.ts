import { z } from 'zod';
import { absoluteUrl } from './absolute-url.js';

/**
 * Rich text as the collector ships it: Markdown parsed on the server, when saved, into this
 * allowlisted node tree. Browsers render it node by node (Preact escapes every text), so
 * no HTML string is ever assigned in a page. Anything not listed here (raw HTML, tables, footnotes,
 * unknown attributes) cannot be expressed, and the parse never produces it.
 */

/**
 * Link targets: absolute `http:`, `https:` or `mailto:` URLs only. Relative URLs are refused
 * because one tree is rendered in two places (the host app's pages and the public changelog on the
 * collector's origin), where a relative URL would name two different pages.
 */
export const CONTENT_LINK_SCHEMES = ['http:', 'https:', 'mailto:'] as const;
/** Image sources: absolute `http:` or `https:` only (never `data:`, which can carry SVG script). */
export const CONTENT_IMAGE_SCHEMES = ['http:', 'https:'] as const;

/** Limits that keep a tree cheap to validate, store and render. */
export const CONTENT_LIMITS = { maxDepth: 12, maxNodes: 5_000, maxUrlLength: 2_048, maxTextLength: 20_000 } as const;

/**
 * True when `url` parses as an absolute URL with one of `schemes` and contains no control
 * characters, whitespace or backslashes (browsers strip or rewrite them, so `java\tscript:` would
 * otherwise slip past a naive prefix check).
 */
export const isAllowedUrl = (url: string, schemes: readonly string[]): boolean =>
  url.length <= CONTENT_LIMITS.maxUrlLength && absoluteUrl(url, schemes) !== undefined;

export type InlineNode =
  | { type: 'text'; value: string }
  | { type: 'inlineCode'; value: string }
  | { type: 'break' }
  | { type: 'emphasis'; children: InlineNode[] }
  | { type: 'strong'; children: InlineNode[] }
  | { type: 'link'; href: string; title?: string; children: InlineNode[] }
  | { type: 'image'; src: string; alt: string; title?: string };

export type BlockNode =
  | { type: 'paragraph'; children: InlineNode[] }
  | { type: 'heading'; depth: 2 | 3 | 4; children: InlineNode[] }
  | { type: 'code'; value: string; lang?: string }
  | { type: 'list'; ordered: boolean; start?: number; children: ListItemNode[] };

export interface ListItemNode {
  type: 'listItem';
  children: BlockNode[];
}

export type ContentNode = InlineNode | BlockNode | ListItemNode;
export type ContentTree = BlockNode[];

const text = z.string().max(CONTENT_LIMITS.maxTextLength);
const title = z.string().max(500).optional();
const linkUrl = z.string().refine((url) => isAllowedUrl(url, CONTENT_LINK_SCHEMES), 'links must be absolute http, https or mailto URLs');
const imageUrl = z.string().refine((url) => isAllowedUrl(url, CONTENT_IMAGE_SCHEMES), 'images must be absolute http or https URLs');

// `z.strictObject`: an unknown key (an `onclick`, a `style`) is an error, not silently dropped.
export const inlineNodeSchema: z.ZodType<InlineNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('text'), value: text }),
    z.strictObject({ type: z.literal('inlineCode'), value: text }),
    z.strictObject({ type: z.literal('break') }),
    z.strictObject({ type: z.literal('emphasis'), children: z.array(inlineNodeSchema) }),
    z.strictObject({ type: z.literal('strong'), children: z.array(inlineNodeSchema) }),
    z.strictObject({ type: z.literal('link'), href: linkUrl, title, children: z.array(inlineNodeSchema) }),
    z.strictObject({ type: z.literal('image'), src: imageUrl, alt: z.string().max(500), title }),
  ]),
);

export const listItemNodeSchema: z.ZodType<ListItemNode> = z.lazy(() =>
  z.strictObject({ type: z.literal('listItem'), children: z.array(blockNodeSchema) }),
);

export const blockNodeSchema: z.ZodType<BlockNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('paragraph'), children: z.array(inlineNodeSchema) }),
    z.strictObject({
      type: z.literal('heading'),
      depth: z.union([z.literal(2), z.literal(3), z.literal(4)]),
      children: z.array(inlineNodeSchema),
    }),
    z.strictObject({
      type: z.literal('code'),
      value: text,
      lang: z
        .string()
        .regex(/^[\w+#.-]{1,32}$/, 'lang is a short language name')
        .optional(),
    }),
    z.strictObject({
      type: z.literal('list'),
      ordered: z.boolean(),
      start: z.number().int().min(0).max(1_000_000).optional(),
      children: z.array(listItemNodeSchema),
    }),
  ]),
);

function measure(nodes: readonly ContentNode[], depth: number): { nodes: number; depth: number } {
  let count = nodes.length;
  let deepest = depth;
  for (const node of nodes) {
    if (!('children' in node)) continue;
    const inner = measure(node.children, depth + 1);
    count += inner.nodes;
    deepest = Math.max(deepest, inner.depth);
  }
  return { nodes: count, depth: deepest };
}

/** A whole announcement body: blocks in reading order, bounded in size and nesting. */
export const contentTreeSchema = z
  .array(blockNodeSchema)
  .superRefine((tree, ctx) => {
    const size = measure(tree, 1);
    if (size.nodes > CONTENT_LIMITS.maxNodes) ctx.addIssue({ code: 'custom', message: `at most ${CONTENT_LIMITS.maxNodes} nodes` });
    if (size.depth > CONTENT_LIMITS.maxDepth)
      ctx.addIssue({ code: 'custom', message: `nesting deeper than ${CONTENT_LIMITS.maxDepth} levels` });
  })
  .describe('Allowlisted rich text: block nodes (paragraph, heading 2–4, list, code) holding inline nodes.');
