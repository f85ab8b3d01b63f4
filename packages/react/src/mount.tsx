import { useEffect, useRef, type HTMLAttributes } from 'react';

/** The widgets that can render inline in a page instead of floating. */
export type HearthMountKind = 'checklist' | 'announcements' | 'rewards';

export interface HearthMountProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  kind: HearthMountKind;
}

/**
 * One mount point element per kind for the page's life. Hearth renders a widget into the element
 * it finds, so a route that unmounts and later renders `<HearthMount>` again gets the same element
 * back, with the widget (and its progress since) still in it.
 */
const mountPoints = new Map<HearthMountKind, HTMLElement>();

function mountPointFor(kind: HearthMountKind): HTMLElement {
  let element = mountPoints.get(kind);
  if (!element) {
    element = document.createElement('div');
    element.dataset.hearth = kind;
    mountPoints.set(kind, element);
  }
  return element;
}

/**
 * An inline mount point (`<div data-hearth="checklist">`) that survives route changes: the
 * attributes go on a wrapper, which holds the kind's one mount point while it is rendered (one
 * `<HearthMount>` per kind at a time). Hearth owns what is inside: it takes no children.
 */
export function HearthMount({ kind, ...attributes }: HearthMountProps) {
  const wrapper = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = mountPointFor(kind);
    wrapper.current?.append(element);
    return () => element.remove();
  }, [kind]);
  return <div {...attributes} ref={wrapper} />;
}
