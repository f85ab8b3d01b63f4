import type { ComponentChildren } from 'preact';

/**
 * One collapsible part of an editor's form (content, audience, trigger…). Closed sections keep
 * their fields in the page, so a save still checks them and an error link can open the section.
 */
export function EditorSection({ title, open = false, children }: { title: string; open?: boolean; children: ComponentChildren }) {
  return (
    <details class="section" open={open}>
      <summary>
        <h2>{title}</h2>
      </summary>
      <div class="section-body">{children}</div>
    </details>
  );
}
