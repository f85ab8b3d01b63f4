import type { BlockNode, ContentTree, InlineNode } from '@hearth/schema';
import { contentUrl, IMAGE_SCHEMES, isExternal, LINK_SCHEMES } from './content-url.js';

interface TreeProps {
  tree: ContentTree;
  /** Fills `{{user.*}}` placeholders with plain text. */
  fill: (text: string) => string;
  pageOrigin: string;
}

type Ctx = Omit<TreeProps, 'tree'>;

/**
 * Renders the server's allowlisted tree node by node. Every string becomes a text node or an
 * attribute value through Preact (escaped), never markup; there is no innerHTML here. Node types
 * or URLs the widget does not know are skipped, whatever the server sent.
 */
function Inline({ node, ctx }: { node: InlineNode; ctx: Ctx }) {
  switch (node.type) {
    case 'text':
      return <>{ctx.fill(node.value)}</>;
    case 'inlineCode':
      return <code>{ctx.fill(node.value)}</code>;
    case 'break':
      return <br />;
    case 'emphasis':
      return (
        <em>
          <Inlines nodes={node.children} ctx={ctx} />
        </em>
      );
    case 'strong':
      return (
        <strong>
          <Inlines nodes={node.children} ctx={ctx} />
        </strong>
      );
    case 'link': {
      const href = contentUrl(ctx.fill(node.href), LINK_SCHEMES);
      const children = <Inlines nodes={node.children} ctx={ctx} />;
      if (!href) return children;
      const external = isExternal(href, ctx.pageOrigin) ? { target: '_blank', rel: 'noopener noreferrer' } : {};
      return (
        <a href={href} title={node.title && ctx.fill(node.title)} {...external}>
          {children}
        </a>
      );
    }
    case 'image': {
      const src = contentUrl(ctx.fill(node.src), IMAGE_SCHEMES);
      return src ? <img src={src} alt={ctx.fill(node.alt)} title={node.title && ctx.fill(node.title)} loading="lazy" /> : null;
    }
    default:
      return null;
  }
}

function Inlines({ nodes, ctx }: { nodes: readonly InlineNode[]; ctx: Ctx }) {
  return (
    <>
      {nodes.map((node, i) => (
        <Inline key={i} node={node} ctx={ctx} />
      ))}
    </>
  );
}

function Block({ node, ctx }: { node: BlockNode; ctx: Ctx }) {
  switch (node.type) {
    case 'paragraph':
      return (
        <p>
          <Inlines nodes={node.children} ctx={ctx} />
        </p>
      );
    case 'heading': {
      // The item title is the h3; body headings sit below it.
      const Tag = (['h4', 'h5', 'h6'] as const)[node.depth - 2] ?? 'h6';
      return (
        <Tag>
          <Inlines nodes={node.children} ctx={ctx} />
        </Tag>
      );
    }
    case 'code':
      return (
        <pre>
          <code>{ctx.fill(node.value)}</code>
        </pre>
      );
    case 'list': {
      const items = node.children.map((item, i) => (
        <li key={i}>
          <Blocks nodes={item.children} ctx={ctx} />
        </li>
      ));
      return node.ordered ? <ol start={node.start}>{items}</ol> : <ul>{items}</ul>;
    }
    default:
      return null;
  }
}

function Blocks({ nodes, ctx }: { nodes: readonly BlockNode[]; ctx: Ctx }) {
  return (
    <>
      {nodes.map((node, i) => (
        <Block key={i} node={node} ctx={ctx} />
      ))}
    </>
  );
}

export function ContentTreeView({ tree, ...ctx }: TreeProps) {
  return (
    <div class="body">
      <Blocks nodes={tree} ctx={ctx} />
    </div>
  );
}
