import type { Ref } from 'preact';

interface LauncherProps {
  /** Accessible name: what opens, plus the progress or unread count the badge shows. */
  label: string;
  /** The icon's SVG path (24×24, stroked), so each widget's launcher looks like what it opens. */
  icon: string;
  /** Short badge text (a count, ✓); hidden from assistive tech since `label` says it. */
  badge?: string;
  expanded: boolean;
  /** Id of the panel the launcher opens (same shadow root). */
  controls: string;
  onToggle: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** The floating corner button: a disclosure toggle; the widget moves focus into what it opens. */
export function Launcher({ label, icon, badge, expanded, controls, onToggle, buttonRef }: LauncherProps) {
  return (
    <button
      type="button"
      class="launcher"
      ref={buttonRef}
      aria-label={label}
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
    >
      <svg width="24" height="24" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
        <path d={icon} />
      </svg>
      {badge && (
        <span class="badge" aria-hidden="true">
          {badge}
        </span>
      )}
    </button>
  );
}
