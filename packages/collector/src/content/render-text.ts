import { CONTENT_LINK_SCHEMES, isAllowedUrl, type BlockNode, type ContentTree, type InlineNode } from '@hearth/schema';

/**
 * The plain-text part of an email from the allowlisted tree: paragraphs as lines, list items with
 * bullets, links as `text (url)`. Nothing is interpreted as markup by a text part, so nothing is
 * escaped; placeholders are filled by `fill`, and links go through `href` (the click redirect).
 */
export function treeToText(tree: ContentTree, fill: (text: string) => string, href: (url: string) => string = (u) => u): string {
  const inline = (node: InlineNode): string => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        return fill(node.value);
      case 'break':
        return '\n';
      case 'emphasis':
      case 'strong':
        return inlines(node.children);
      case 'link': {
        const label = inlines(node.children);
        const url = fill(node.href);
        return isAllowedUrl(url, CONTENT_LINK_SCHEMES) ? `${label} (${href(url)})` : label;
      }
      case 'image':
        return node.alt ? fill(node.alt) : '';
    }
  };
  const inlines = (nodes: readonly InlineNode[]): string => nodes.map(inline).join('');
  const block = (node: BlockNode, indent: string): string => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        return indent + inlines(node.children);
      case 'code':
        return fill(node.value)
          .split('\n')
          .map((line) => `${indent}    ${line}`)
          .join('\n');
      case 'list':
        return node.children
          .map((item, i) => {
            const bullet = node.ordered ? `${(node.start ?? 1) + i}. ` : '- ';
            const [first = '', ...rest] = item.children.map((child) => block(child, '').trim());
            return [`${indent}${bullet}${first}`, ...rest.map((line) => `${indent}  ${line}`)].join('\n');
          })
          .join('\n');
    }
  };
  return tree.map((node) => block(node, '')).join('\n\n');
}
