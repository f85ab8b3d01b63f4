import type { ComponentChildren } from 'preact';

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
  return (
    <div class="actions editor-actions">
      <button type="submit">{children}</button>
      {status && status !== 'live' && status !== 'scheduled' && (
        <button type="button" onClick={onPublish}>
          Publish
        </button>
      )}
      {status && status !== 'archived' && (
        <button type="button" class="secondary" onClick={onArchive}>
          Archive
        </button>
      )}
    </div>
  );
}
