import type { BulkArchiveResult, PromptStatus } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { RowActions } from '../components/row-actions.js';
import { toast } from '../components/toasts.js';
import { copyId } from '../models/copy-id.js';
import { projectId } from '../models/session.js';
import { navigate } from '../router.js';

/** How a list page reads its kind and acts on one record or several. */
export interface RecordListApi<R, K> {
  list: () => Promise<R[]>;
  idOf: (record: R) => string;
  statusOf: (record: R) => PromptStatus;
  /** One record's key figures; null when it has none to show (never published, say). */
  kpisOf: (record: R) => Promise<K> | null;
  publish: (record: R) => Promise<R>;
  pause: (record: R) => Promise<R>;
  archive: (record: R) => Promise<R>;
  /** Creates a draft copy of `record` under `id`. */
  duplicate: (record: R, id: string) => Promise<R>;
  archiveMany: (ids: string[]) => Promise<BulkArchiveResult>;
  /** The console route of a record's editor. */
  editorOf: (record: R) => string;
}

/**
 * A list page's state: the project's records, each one's figures (a failed KPI request just
 * leaves its row without figures), the row actions with their outcome message, and bulk archive.
 */
export function useRecordList<R extends { version: number }, K>(kind: RecordListApi<R, K>) {
  const [records, setRecords] = useState<R[] | null>(null);
  const [figures, setFigures] = useState<Record<string, K>>({});
  const [message, setMessage] = useState('');
  const load = () =>
    kind
      .list()
      .then(async (all) => {
        setRecords(all);
        const entries = await Promise.all(
          all.map(async (record) => [kind.idOf(record), await kind.kpisOf(record)?.catch(() => null)] as const),
        );
        setFigures(Object.fromEntries(entries.flatMap(([id, kpi]) => (kpi ? [[id, kpi]] : []))));
      })
      .catch((failure: Error) => setMessage(failure.message));
  useEffect(() => void load(), [projectId.value]);

  const act = (run: () => Promise<R>, done: string) =>
    run().then(
      (saved) => (setMessage(`${done} “${kind.idOf(saved)}” (version ${saved.version}).`), load()),
      (failure: Error) => setMessage(failure.message),
    );
  const duplicate = async (record: R) => {
    const id = copyId(kind.idOf(record), new Set(records?.map(kind.idOf)));
    try {
      const copy = await kind.duplicate(record, id);
      toast(`Duplicated “${kind.idOf(record)}” as draft “${id}”.`);
      navigate(kind.editorOf(copy));
    } catch (failure) {
      setMessage((failure as Error).message);
    }
  };
  const archiveMany = (ids: string[]) =>
    kind.archiveMany(ids).then(
      ({ archived, notFound }) => {
        const gone = notFound.length ? ` Not found: ${notFound.join(', ')}.` : '';
        setMessage(`Archived ${archived.length} of ${ids.length}.${gone}`);
        return load();
      },
      (failure: Error) => setMessage(failure.message),
    );
  const actionsOf = (record: R) => (
    <RowActions
      id={kind.idOf(record)}
      status={kind.statusOf(record)}
      onPublish={() => act(() => kind.publish(record), 'Published')}
      onPause={() => act(() => kind.pause(record), 'Paused')}
      onArchive={() => act(() => kind.archive(record), 'Archived')}
      onDuplicate={() => void duplicate(record)}
    />
  );
  return { records, figures, message, actionsOf, archiveMany };
}
