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

const text = (value: string) => escapeHtml(fillWithFallbacks(value));
const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${text(value)}"`);

/**
 * A URL checked again *after* placeholder filling: the stored tree was checked when saved, but a
 * filled placeholder is new text.
 */
function url(value: string, schemes: readonly string[]): string | undefined {
  const filled = fillWithFallbacks(value);
  return isAllowedUrl(filled, schemes) ? filled : undefined;
}

function inline(node: InlineNode): string {
  switch (node.type) {
    case 'text':
      return text(node.value);
    case 'inlineCode':
      return `<code>${text(node.value)}</code>`;
    case 'break':
      return '<br>';
    case 'emphasis':
      return `<em>${inlines(node.children)}</em>`;
    case 'strong':
      return `<strong>${inlines(node.children)}</strong>`;
    case 'link': {
      const href = url(node.href, CONTENT_LINK_SCHEMES);
      if (!href) return inlines(node.children);
      return `<a href="${escapeHtml(href)}"${attr('title', node.title)} rel="noopener noreferrer nofollow">${inlines(node.children)}</a>`;
    }
    case 'image': {
      const src = url(node.src, CONTENT_IMAGE_SCHEMES);
      return src ? `<img src="${escapeHtml(src)}"${attr('alt', node.alt)}${attr('title', node.title)} loading="lazy">` : '';
    }
  }
}

const inlines = (nodes: readonly InlineNode[]): string => nodes.map(inline).join('');

function block(node: BlockNode): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inlines(node.children)}</p>`;
    case 'heading':
      // The page's own h1/h2 come first: announcement headings sit one level below.
      return `<h${node.depth + 1}>${inlines(node.children)}</h${node.depth + 1}>`;
    case 'code':
      return `<pre><code>${text(node.value)}</code></pre>`;
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      const start = node.ordered && node.start !== undefined ? ` start="${node.start}"` : '';
      return `<${tag}${start}>${node.children.map((item) => `<li>${blocks(item.children)}</li>`).join('')}</${tag}>`;
    }
  }
}

/** Server-side HTML for the public changelog: built from the allowlisted tree, every text escaped. */
export const blocks = (tree: ContentTree): string => tree.map(block).join('');
