import type { PromptStatus } from '@hearth/schema';
import { canEdit } from '../models/session.js';

interface Props {
  /** Named in each button's accessible name ("Publish tour"), so a row's buttons are told apart. */
  id: string;
  status: PromptStatus;
  onPublish: () => void;
  onPause: () => void;
  onDuplicate: () => void;
  onArchive: () => void;
}

/** A list row's actions: Publish a draft or archived record, Pause a live or scheduled one, Duplicate, Archive. */
export function RowActions({ id, status, onPublish, onPause, onDuplicate, onArchive }: Props) {
  // A viewer's row has nothing to act on: the collector would refuse it.
  if (!canEdit.value) return null;
  const running = status === 'live' || status === 'scheduled';
  const hidden = <span class="visually-hidden"> {id}</span>;
  return (
    <div class="row-actions">
      {running ? (
        <button type="button" class="secondary small" onClick={onPause}>
          Pause{hidden}
        </button>
      ) : (
        <button type="button" class="small" onClick={onPublish}>
          Publish{hidden}
        </button>
      )}
      <button type="button" class="secondary small" onClick={onDuplicate}>
        Duplicate{hidden}
      </button>
      {status !== 'archived' && (
        <button type="button" class="secondary small" onClick={onArchive}>
          Archive{hidden}
        </button>
      )}
    </div>
  );
}
