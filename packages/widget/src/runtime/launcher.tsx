import type { Ref } from 'preact';

interface LauncherProps {
  /** Accessible name: what opens, plus the progress or unread count the badge shows. */
  label: string;
  /** Short badge text (a count, ✓); hidden from assistive tech since `label` says it. */
  badge?: string;
  expanded: boolean;
  /** Id of the panel the launcher opens (same shadow root). */
  controls: string;
  onToggle: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** The floating corner button: a disclosure toggle, so it never moves focus on its own. */
export function Launcher({ label, badge, expanded, controls, onToggle, buttonRef }: LauncherProps) {
  return (
    <button type="button" class="launcher" ref={buttonRef} aria-label={label} aria-expanded={expanded} aria-controls={controls} onClick={onToggle}>
      <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
        <path d="M9 6h11M9 12h11M9 18h11M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2" />
      </svg>
      {badge && (
        <span class="badge" aria-hidden="true">
          {badge}
        </span>
      )}
    </button>
  );
}
