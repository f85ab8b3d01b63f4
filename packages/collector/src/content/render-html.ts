import {
  CONTENT_IMAGE_SCHEMES,
  CONTENT_LINK_SCHEMES,
  isAllowedUrl,
  type BlockNode,
  type ContentTree,
  type InlineNode,
} from '@hearth/schema';
import { fillWithFallbacks } from './placeholders.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and double-quoted attribute values alike. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);

/** How a tree becomes HTML: the changelog's plain markup, or an email's inline-styled one. */
export interface HtmlOptions {
  /** Fills `{{user.x}}` placeholders (with a user's traits, or the fallbacks). */
  fill: (text: string) => string;
  /** An inline `style` per element name: email clients drop `<style>` sheets. */
  style?: Readonly<Partial<Record<string, string>>>;
  /** The href a checked link gets (an email's signed click redirect). */
  href?: (url: string) => string;
}

const CHANGELOG: HtmlOptions = { fill: fillWithFallbacks };

/** Server-side HTML built from the allowlisted tree, every text escaped. */
export function renderTree(tree: ContentTree, options: HtmlOptions): string {
  const text = (value: string) => escapeHtml(options.fill(value));
  const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${text(value)}"`);
  const open = (tag: string, attrs = '') => {
    const style = options.style?.[tag];
    return `<${tag}${attrs}${style ? ` style="${escapeHtml(style)}"` : ''}>`;
  };
  /** A URL checked again *after* placeholder filling: the stored tree was checked when saved, but a filled placeholder is new text. */
  const url = (value: string, schemes: readonly string[]) => {
    const filled = options.fill(value);
    return isAllowedUrl(filled, schemes) ? filled : undefined;
  };

  const inline = (node: InlineNode): string => {
    switch (node.type) {
      case 'text':
        return text(node.value);
      case 'inlineCode':
        return `${open('code')}${text(node.value)}</code>`;
      case 'break':
        return '<br>';
      case 'emphasis':
        return `${open('em')}${inlines(node.children)}</em>`;
      case 'strong':
        return `${open('strong')}${inlines(node.children)}</strong>`;
      case 'link': {
        const href = url(node.href, CONTENT_LINK_SCHEMES);
        if (!href) return inlines(node.children);
        const target = options.href ? options.href(href) : href;
        return `${open('a', ` href="${escapeHtml(target)}"${attr('title', node.title)} rel="noopener noreferrer nofollow"`)}${inlines(node.children)}</a>`;
      }
      case 'image': {
        const src = url(node.src, CONTENT_IMAGE_SCHEMES);
        return src ? open('img', ` src="${escapeHtml(src)}"${attr('alt', node.alt)}${attr('title', node.title)} loading="lazy"`) : '';
      }
    }
  };
  const inlines = (nodes: readonly InlineNode[]): string => nodes.map(inline).join('');

  const block = (node: BlockNode): string => {
    switch (node.type) {
      case 'paragraph':
        return `${open('p')}${inlines(node.children)}</p>`;
      case 'heading': {
        // The page's own h1/h2 come first: content headings sit one level below.
        const tag = `h${node.depth + 1}`;
        return `${open(tag)}${inlines(node.children)}</${tag}>`;
      }
      case 'code':
        return `${open('pre')}<code>${text(node.value)}</code></pre>`;
      case 'list': {
        const tag = node.ordered ? 'ol' : 'ul';
        const start = node.ordered && node.start !== undefined ? ` start="${node.start}"` : '';
        return `${open(tag, start)}${node.children.map((item) => `${open('li')}${item.children.map(block).join('')}</li>`).join('')}</${tag}>`;
      }
    }
  };
  return tree.map(block).join('');
}

/** The public changelog's HTML: placeholders become their fallbacks. */
export const blocks = (tree: ContentTree): string => renderTree(tree, CHANGELOG);
