/**
 * A dock stacks its corner's surfaces, so they never overlap; surfaces of two docks can, once
 * corners meet (375 px wide) or a tall panel reaches along its side. The docked surfaces on screen
 * are kept in order of precedence: a panel the user opens goes first, a card that appears by itself
 * (survey card, toast, digest) last. Whenever one comes or goes, changes size, or the window
 * resizes, a surface overlapping one before it gives way: a panel closes back to its launcher, a
 * card without one waits hidden until the overlap ends (an inline style inside the shadow root, which
 * page styles cannot reach and Preact leaves alone).
 */
type Surface = [element: Element, close?: () => void];

let shown: Surface[] = [];
let sizes: ResizeObserver | undefined;

function settle() {
  const kept: DOMRect[] = [];
  for (const surface of shown) {
    const [element, close] = surface;
    const box = element.getBoundingClientRect();
    const covered = kept.some(
      (other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom,
    );
    if (covered && close) {
      leave(surface);
      close();
    } else {
      (element as HTMLElement).style.visibility = covered ? 'hidden' : '';
      if (!covered) kept.push(box);
    }
  }
}

function leave(surface: Surface) {
  shown = shown.filter((other) => other !== surface);
  sizes?.unobserve(surface[0]);
}

export function enter(element: Element, close?: () => void): () => void {
  const surface: Surface = [element, close];
  shown = close ? [surface, ...shown] : [...shown, surface];
  if (!sizes) {
    // Observing calls `settle` once now, then on every size change; the window's resize too.
    sizes = new ResizeObserver(settle);
    element.ownerDocument.defaultView?.addEventListener('resize', settle);
  }
  sizes.observe(element);
  return () => {
    leave(surface);
    settle();
  };
}
