import type { ComponentChildren } from 'preact';

/**
 * Instead of a blank chart or table: what is missing and what to do about it. `level` is one below
 * the heading it sits under (2 directly under a page's h1, 3 inside an h2 section), so heading
 * levels never skip.
 */
export function EmptyState({ title, level = 3, children }: { title: string; level?: 2 | 3; children: ComponentChildren }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div class="empty" role="status">
      <Heading>{title}</Heading>
      <div>{children}</div>
    </div>
  );
}
