import { render, type ComponentChild } from 'preact';
import { baseSheet } from './styles.js';

export interface MountOptions {
  /** Inline mount point (e.g. `<div data-hearth="checklist">`); absent: a floating host on `<body>`. */
  container?: Element;
  document?: Document;
  /** The widget's own sheets, adopted after the runtime's base sheet. */
  sheets?: CSSStyleSheet[];
  view: ComponentChild;
}

const ours = new WeakSet<ShadowRoot>();

function open(host: Element): ShadowRoot {
  const root = host.attachShadow({ mode: 'open' });
  ours.add(root);
  return root;
}

/**
 * A shadow root of ours on `host`: reused after an earlier mount, else attached. When the host
 * already carries someone else's shadow root or cannot have one, a `<hearth-root>` child hosts it.
 */
function attach(host: Element): { root: ShadowRoot; child?: Element } {
  const existing = host.shadowRoot;
  if (existing && ours.has(existing)) return { root: existing };
  if (!existing) {
    try {
      return { root: open(host) };
    } catch {
      // Not a shadow host (e.g. <ul>) or a closed root exists: fall through to a child host.
    }
  }
  const child = host.ownerDocument.createElement('hearth-root');
  host.append(child);
  return { root: open(child), child };
}

/**
 * Renders `view` into an open shadow root styled only by constructable stylesheets.
 * @returns unmount: removes the rendered tree, the adopted sheets and any host element it created.
 */
export function mount({ container, document: doc = globalThis.document, sheets = [], view }: MountOptions): () => void {
  const host = container ?? doc.body.appendChild(doc.createElement('hearth-root'));
  const { root, child } = attach(host);
  root.adoptedStyleSheets = [baseSheet(), ...sheets];
  render(view, root);
  return () => {
    render(null, root);
    root.adoptedStyleSheets = [];
    child?.remove();
    if (!container) host.remove();
  };
}
