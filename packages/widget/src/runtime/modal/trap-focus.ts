/*
 * Only modal dialogs (a modal survey, a boosted announcement) trap focus, so this ships in a small
 * chunk of its own that those widgets import, not in the runtime every page with a checklist loads.
 */
import { FOCUSABLE } from '../keep-focus.js';

/** The focused element, looking through open shadow roots (`document.activeElement` stops at hosts). */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * For modal dialogs only: focuses the first control in `dialog`, keeps Tab and Shift+Tab cycling
 * inside it, and on release returns focus to whatever had it before. Corner cards must not call
 * this: they never take focus from the host page.
 * @returns release
 */
export function trapFocus(dialog: HTMLElement): () => void {
  const doc = dialog.ownerDocument;
  const previous = deepActiveElement(doc);
  // `tabindex="-1"` takes an element out of the Tab order even on a button (a radio group's
  // roving tab stop): the trap must not wrap to it, or Tab would land where the user cannot.
  const controls = () => [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getAttribute('tabindex') !== '-1');
  (controls()[0] ?? dialog).focus();

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    const list = controls();
    const active = (dialog.getRootNode() as Document | ShadowRoot).activeElement;
    const edge = event.shiftKey ? list[0] : list.at(-1);
    const wrapTo = event.shiftKey ? list.at(-1) : list[0];
    if (!wrapTo || active === edge || !active || !dialog.contains(active)) {
      event.preventDefault();
      (wrapTo ?? dialog).focus();
    }
  };
  // Capture on the document: Tab must come back even if focus somehow left the dialog.
  doc.addEventListener('keydown', onKeyDown, true);
  return () => {
    doc.removeEventListener('keydown', onKeyDown, true);
    (previous as HTMLElement | null)?.focus?.();
  };
}
