import { render, type ComponentChild } from 'preact';
import { keepFocus } from './keep-focus.js';
import { baseSheet } from './styles.js';
import type { Corner } from './theme.js';

export interface MountOptions {
  /** Inline mount point (e.g. `<div data-hearth="checklist">`); absent: a floating host on `<body>`. */
  container?: Element;
  /** Floating only: the corner dock the host joins, stacked with the other surfaces of that corner. */
  corner?: Corner;
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
 * A corner dock stacks the floating surfaces of one corner (launchers, cards, toasts) in a column
 * from the corner outwards, so two never cover each other at any width; a stack taller than the
 * window scrolls. Corners are physical: the same in right-to-left pages. Styled inline through
 * CSSOM (allowed by a strict `style-src`) with `!important`, which page styles cannot beat.
 */
const DOCK =
  'position:fixed;z-index:var(--hearth-z-index,2147483000);display:flex;gap:12px;padding:20px;box-sizing:border-box;max-height:100vh;overflow:auto;pointer-events:none';

function dock(doc: Document, corner: Corner): Element {
  const found = doc.querySelector(`hearth-dock[data-corner="${corner}"]`);
  if (found) return found;
  const created = doc.body.appendChild(doc.createElement('hearth-dock'));
  (created as HTMLElement).dataset.corner = corner;
  const [y, x] = corner.split('-');
  const css = `${DOCK};${y}:0;${x}:0;flex-direction:column${y === 'top' ? '' : '-reverse'};align-items:flex-${x === 'left' ? 'start' : 'end'}`;
  for (const rule of css.split(';')) created.style.setProperty(...(rule.split(':') as [string, string]), 'important');
  return created;
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
 * Renders `view` into an open shadow root styled only by constructable stylesheets. An inline
 * widget follows its mount point when a single-page app renders it again (a route that comes back
 * brings a new `[data-hearth]` element; the old one left with the widget in it).
 * @returns unmount: removes the rendered tree, the adopted sheets and any host element it created.
 */
export function mount({ container, corner, document: doc = globalThis.document, sheets = [], view }: MountOptions): () => void {
  const parent = corner ? dock(doc, corner) : doc.body;
  let host = container ?? parent.appendChild(doc.createElement('hearth-root'));
  const show = () => {
    const { root, child } = attach(host);
    root.adoptedStyleSheets = [baseSheet(), ...sheets];
    const focus = keepFocus(root);
    render(view, root);
    return () => {
      render(null, root);
      focus.check();
      focus.stop();
      root.adoptedStyleSheets = [];
      child?.remove();
    };
  };
  let hide = show();
  const follow = new MutationObserver(() => {
    const next = doc.querySelector(`[data-hearth="${(host as HTMLElement).dataset.hearth}"]`);
    if (host.isConnected || !next) return;
    hide();
    host = next;
    hide = show();
  });
  if (container) follow.observe(doc, { childList: true, subtree: true });
  return () => {
    follow.disconnect();
    hide();
    if (container) return;
    host.remove();
    if (parent !== doc.body && !parent.firstElementChild) parent.remove();
  };
}
