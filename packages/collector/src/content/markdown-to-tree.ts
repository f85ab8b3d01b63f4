import {
  CONTENT_IMAGE_SCHEMES,
  CONTENT_LIMITS,
  CONTENT_LINK_SCHEMES,
  isAllowedUrl,
  type BlockNode,
  type ContentTree,
  type InlineNode,
  type ListItemNode,
} from '@hearth/schema';
import { fromMarkdown } from 'mdast-util-from-markdown';

/**
 * Markdown → the allowlisted content tree (@hearth/schema content-tree.ts), on the server, when an
 * announcement is saved. `mdast-util-from-markdown` (micromark, CommonMark-compliant) only *parses*:
 * nothing here ever produces HTML. Every mdast node is mapped by an explicit rule; anything without
 * one is dropped, so a future parser node type cannot leak through.
 *
 * What is kept, changed or dropped (documented in docs/announcements.md):
 * - raw HTML (block or inline) is dropped: `<b>x</b>` keeps only `x`, which is ordinary text;
 * - links with a URL outside http/https/mailto (or relative) lose the link but keep their text;
 * - images outside http/https are dropped; headings are clamped to levels 2–4;
 * - block quotes keep their content without the quote; thematic breaks, tables and other
 *   constructs without a rule are dropped; reference links resolve through their definitions.
 */

/** The subset of mdast this converter reads; the parser's own types live in a package we do not depend on. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  depth?: number;
  ordered?: boolean | null;
  start?: number | null;
  url?: string;
  title?: string | null;
  alt?: string | null;
  lang?: string | null;
  identifier?: string;
  position?: { start: { line: number } };
}

export interface ContentWarning {
  /** 1-based line in the Markdown source, when the parser knows it. */
  line?: number;
  message: string;
}

export interface ParsedContent {
  tree: ContentTree;
  warnings: ContentWarning[];
}

interface Walk {
  definitions: Map<string, { url: string; title: string | null }>;
  warnings: ContentWarning[];
  nodes: number;
}

const LANG = /^[\w+#.-]{1,32}$/;

function warn(walk: Walk, node: MdNode, message: string): void {
  walk.warnings.push(node.position ? { line: node.position.start.line, message } : { message });
}

function collectDefinitions(node: MdNode, into: Walk['definitions']): void {
  if (node.type === 'definition' && node.identifier && node.url !== undefined && !into.has(node.identifier)) {
    into.set(node.identifier, { url: node.url, title: node.title ?? null });
  }
  for (const child of node.children ?? []) collectDefinitions(child, into);
}

/** Counts the node; true once the body has more nodes than a tree may hold (the rest is cut). */
function full(walk: Walk): boolean {
  walk.nodes += 1;
  return walk.nodes > CONTENT_LIMITS.maxNodes / 2;
}

/** Deeper input becomes its plain text: still readable, never a deep tree. */
const tooDeep = (depth: number): boolean => depth > CONTENT_LIMITS.maxDepth - 2;

function plainText(node: MdNode): string {
  if (node.type === 'html') return '';
  if (node.value !== undefined && node.type !== 'code') return node.value;
  return (node.children ?? []).map(plainText).join('');
}

const withTitle = <T extends object>(target: T, title: string | null | undefined): T =>
  title ? { ...target, title: title.slice(0, 500) } : target;

function inline(node: MdNode, walk: Walk, depth: number): InlineNode[] {
  if (full(walk)) return [];
  if (tooDeep(depth)) {
    const text = plainText(node);
    return text ? [{ type: 'text', value: text }] : [];
  }
  const children = () => inlines(node.children ?? [], walk, depth + 1);
  switch (node.type) {
    case 'text':
      return [{ type: 'text', value: node.value ?? '' }];
    case 'inlineCode':
      return [{ type: 'inlineCode', value: node.value ?? '' }];
    case 'break':
      return [{ type: 'break' }];
    case 'emphasis':
    case 'strong':
      return [{ type: node.type, children: children() }];
    case 'link':
    case 'linkReference':
      return link(node, walk, children());
    case 'image':
    case 'imageReference':
      return image(node, walk);
    case 'html':
      warn(walk, node, 'raw HTML was dropped');
      return [];
    default:
      warn(walk, node, `"${node.type}" is not supported and was dropped`);
      return [];
  }
}

function resolve(node: MdNode, walk: Walk): { url: string; title: string | null } | null {
  if (node.type === 'link' || node.type === 'image') return { url: node.url ?? '', title: node.title ?? null };
  return walk.definitions.get(node.identifier ?? '') ?? null;
}

function link(node: MdNode, walk: Walk, children: InlineNode[]): InlineNode[] {
  const target = resolve(node, walk);
  if (target && isAllowedUrl(target.url, CONTENT_LINK_SCHEMES))
    return [withTitle({ type: 'link', href: target.url, children }, target.title)];
  if (target) warn(walk, node, `link to "${target.url.slice(0, 60)}" was removed: only absolute http, https and mailto URLs are allowed`);
  return children;
}

function image(node: MdNode, walk: Walk): InlineNode[] {
  const target = resolve(node, walk);
  if (target && isAllowedUrl(target.url, CONTENT_IMAGE_SCHEMES)) {
    return [withTitle({ type: 'image', src: target.url, alt: (node.alt ?? '').slice(0, 500) }, target.title)];
  }
  warn(walk, node, `image "${(target?.url ?? '').slice(0, 60)}" was dropped: only absolute http and https images are allowed`);
  return [];
}

/** Adjacent text nodes merge, so dropped HTML does not leave a fragmented tree behind. */
function inlines(nodes: readonly MdNode[], walk: Walk, depth: number): InlineNode[] {
  const out: InlineNode[] = [];
  for (const produced of nodes.flatMap((node) => inline(node, walk, depth))) {
    const last = out.at(-1);
    if (last?.type === 'text' && produced.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + produced.value };
    else out.push(produced);
  }
  return out;
}

function block(node: MdNode, walk: Walk, depth: number): BlockNode[] {
  if (full(walk)) return [];
  if (tooDeep(depth)) {
    const text = plainText(node);
    return text ? [{ type: 'paragraph', children: [{ type: 'text', value: text }] }] : [];
  }
  switch (node.type) {
    case 'paragraph': {
      const children = inlines(node.children ?? [], walk, depth + 1);
      return children.length ? [{ type: 'paragraph', children }] : [];
    }
    case 'heading': {
      const level = Math.min(4, Math.max(2, node.depth ?? 2)) as 2 | 3 | 4;
      return [{ type: 'heading', depth: level, children: inlines(node.children ?? [], walk, depth + 1) }];
    }
    case 'code':
      return [
        node.lang && LANG.test(node.lang)
          ? { type: 'code', value: node.value ?? '', lang: node.lang }
          : { type: 'code', value: node.value ?? '' },
      ];
    case 'list': {
      const items: ListItemNode[] = (node.children ?? []).map((item) => ({
        type: 'listItem',
        children: blocks(item.children ?? [], walk, depth + 2),
      }));
      const start = node.ordered && typeof node.start === 'number' && node.start !== 1 ? { start: Math.min(node.start, 1_000_000) } : {};
      return [{ type: 'list', ordered: !!node.ordered, ...start, children: items }];
    }
    case 'blockquote':
      return blocks(node.children ?? [], walk, depth + 1);
    case 'definition':
      return [];
    case 'html':
      warn(walk, node, 'raw HTML was dropped');
      return [];
    default:
      warn(walk, node, `"${node.type}" is not supported and was dropped`);
      return [];
  }
}

function blocks(nodes: readonly MdNode[], walk: Walk, depth: number): BlockNode[] {
  return nodes.flatMap((node) => block(node, walk, depth));
}

/** Parses an announcement body. Never throws on odd Markdown: what cannot be kept is reported. */
export function markdownToTree(markdown: string): ParsedContent {
  // The parser's types come from a package we do not depend on directly; MdNode is the part we read.
  const root = fromMarkdown(markdown) as unknown as MdNode;
  const walk: Walk = { definitions: new Map(), warnings: [], nodes: 0 };
  collectDefinitions(root, walk.definitions);
  const tree = blocks(root.children ?? [], walk, 1);
  if (walk.nodes > CONTENT_LIMITS.maxNodes / 2)
    walk.warnings.push({ message: `the body was cut after ${CONTENT_LIMITS.maxNodes / 2} elements` });
  return { tree, warnings: walk.warnings };
}
