import type { PromptStatus } from '@hearth/schema';
import { canEdit } from '../models/session.js';

/** Publish (unless already live or scheduled) and Archive (unless archived) for one list row. */
export function StatusActions({
  id,
  status,
  onPublish,
  onArchive,
}: {
  id: string;
  status: PromptStatus;
  onPublish: () => void;
  onArchive: () => void;
}) {
  // A viewer's row has nothing to act on: the collector would refuse it.
  if (!canEdit.value) return null;
  return (
    <>
      {status !== 'live' && status !== 'scheduled' && (
        <button type="button" onClick={onPublish}>
          Publish<span class="visually-hidden"> {id}</span>
        </button>
      )}
      {status !== 'archived' && (
        <button type="button" class="secondary" onClick={onArchive}>
          Archive<span class="visually-hidden"> {id}</span>
        </button>
      )}
    </>
  );
}
