import type { HTMLAttributes } from 'react';

/** The widgets that can render inline in a page instead of floating. */
export type HearthMountKind = 'checklist' | 'announcements' | 'rewards';

export interface HearthMountProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  kind: HearthMountKind;
}

/**
 * An inline mount point (`<div data-hearth="checklist">`). Hearth finds mount points that appear
 * later, so one inside a route fills again each time the route renders. Hearth owns what is inside
 * (a shadow root): the element takes no children.
 */
export function HearthMount({ kind, ...attributes }: HearthMountProps) {
  return <div {...attributes} data-hearth={kind} />;
}
