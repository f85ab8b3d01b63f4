import type { ComponentChildren } from 'preact';
import { canEdit, role } from '../models/session.js';

/** An editor's title, the record's status once it exists, unsaved changes, and the live outcome message. */
export function EditorHead({ title, status, message, dirty }: { title: string; status: string | null; message: string; dirty: boolean }) {
  return (
    <>
      <div class="page-head">
        <div class="page-head-title">
          <h1>{title}</h1>
          {status && <span class={`status status--${status}`}>{status}</span>}
        </div>
        {dirty && <span class="hint">Unsaved changes</span>}
      </div>
      <p role="status" class="message">
        {message}
      </p>
    </>
  );
}

interface ActionsProps {
  /** Null until the record is first saved: only saving is possible then. */
  status: string | null;
  onPublish: () => void;
  onArchive: () => void;
  children?: ComponentChildren;
}

/** Submit (labelled by `children`, "Save" by default), then Publish unless live or scheduled, Archive unless archived. */
export function EditorActions({ status, onPublish, onArchive, children = 'Save' }: ActionsProps) {
  // The collector refuses a viewer's changes; the buttons say so before anyone tries.
  const locked = !canEdit.value;
  const because = locked ? { disabled: true, 'aria-describedby': 'role-lock' } : {};
  return (
    <div class="actions editor-actions">
      <button type="submit" {...because}>
        {children}
      </button>
      {status && status !== 'live' && status !== 'scheduled' && (
        <button type="button" onClick={onPublish} {...because}>
          Publish
        </button>
      )}
      {status && status !== 'archived' && (
        <button type="button" class="secondary" onClick={onArchive} {...because}>
          Archive
        </button>
      )}
      {locked && (
        <p id="role-lock" class="hint">
          Your role here is {role.value}: viewers cannot save, publish or archive.
        </p>
      )}
    </div>
  );
}
