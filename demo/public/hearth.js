/* global window */
/**
 * Calls Hearth through the snippet's `window.Hearth`. Ad blockers or a failed install must never
 * break the host app, so a missing `Hearth` is simply skipped.
 */
export function hearth(...args) {
  if (typeof window.Hearth === 'function') window.Hearth(...args);
}
