import type { ComponentChildren } from 'preact';

/** Instead of a blank chart or table: what is missing and what to do about it. */
export function EmptyState({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="empty" role="status">
      <h3>{title}</h3>
      <div>{children}</div>
    </div>
  );
}
