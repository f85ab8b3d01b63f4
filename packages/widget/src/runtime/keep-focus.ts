/** What takes focus: controls, and elements given a `tabindex` (-1: by script only). */
export const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),[tabindex]';

/**
 * Keeps keyboard focus in a widget when a render removes the focused control (an item ticked, a
 * redemption confirmed, a card closed): focus goes to the first control left in the nearest
 * surviving ancestor, or to that ancestor's closest focusable one (an item, a panel), else back
 * to where it came from on the host page. Never left on `<body>`. Focus the user moved elsewhere is left alone.
 * @returns check: run it after the last render (unmount); the observer does it after every other.
 */
export function keepFocus(root: ShadowRoot): { check: () => void; stop: () => void } {
  const doc = root.ownerDocument;
  let path: Element[] = [];
  let entry: Element | null = null;
  const focus = (target: Element | null | undefined, scope: DocumentOrShadowRoot = root) => {
    (target as HTMLElement | null)?.focus();
    return target && scope.activeElement === target;
  };
  const onFocusIn = (event: FocusEvent) => {
    const from = event.relatedTarget as Element | null;
    if (from && !root.contains(from)) entry = from;
    path = [];
    for (let node = event.target as Element | null; node; node = node.parentElement) path.push(node);
  };
  const check = () => {
    if (path[0]?.isConnected !== false || doc.activeElement !== doc.body) return;
    for (const node of path) if (node.isConnected && (focus(node.querySelector(FOCUSABLE)) || focus(node.closest(FOCUSABLE)))) return;
    if (!focus(root.querySelector(FOCUSABLE))) focus(entry, doc);
  };
  root.addEventListener('focusin', onFocusIn as EventListener);
  const observer = new MutationObserver(check);
  observer.observe(root, { childList: true, subtree: true });
  return {
    check,
    stop() {
      observer.disconnect();
      root.removeEventListener('focusin', onFocusIn as EventListener);
    },
  };
}
