import { useEffect, useRef } from 'preact/hooks';
import type { UserPrivacy } from '../../models/user-privacy.js';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal confirm for deleting a user: focus moves into it, Tab and Shift+Tab stay inside, Escape
 * cancels, and focus returns to what opened it. Delete is enabled once the user id is typed back.
 */
export function ConfirmDeleteDialog({ userId, privacy }: { userId: string; privacy: UserPrivacy }) {
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    dialog.current?.querySelector<HTMLInputElement>('input')?.focus();
    return () => opener?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      privacy.cancel();
      return;
    }
    if (event.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="dialog-backdrop">
      <div
        ref={dialog}
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="delete-title"
        aria-describedby="delete-what"
        onKeyDown={onKeyDown}
      >
        <h2 id="delete-title">Delete user {userId}?</h2>
        <p id="delete-what">
          This permanently deletes their events, traits, anonymous ids, survey answers and referral code. Their points ledger is kept for
          the KPIs but no longer names them. It cannot be undone.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void privacy.confirmDelete();
          }}
        >
          <div class="field">
            <label for="confirm-user-id">Type the user id to confirm</label>
            <input
              id="confirm-user-id"
              autocomplete="off"
              spellcheck={false}
              value={privacy.typed.value}
              onInput={(e) => (privacy.typed.value = e.currentTarget.value)}
            />
          </div>
          {privacy.error.value && (
            <p class="error" role="alert">
              {privacy.error.value}
            </p>
          )}
          <div class="actions">
            <button type="submit" class="danger" disabled={!privacy.canDelete.value}>
              Delete user
            </button>
            <button type="button" class="secondary" onClick={() => privacy.cancel()}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
