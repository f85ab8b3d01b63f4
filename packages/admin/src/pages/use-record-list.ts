import { useEffect, useState } from 'preact/hooks';
import { projectId } from '../models/session.js';

export interface RecordListOptions<R, K> {
  list: () => Promise<R[]>;
  idOf: (record: R) => string;
  /** One record's key figures; null when it has none to show (never published, say). */
  kpisOf: (record: R) => Promise<K> | null;
}

/**
 * A list page's state: the project's records, each one's figures (a failed KPI request just
 * leaves its row without figures), and publish/archive from the list with the outcome message.
 */
export function useRecordList<R extends { version: number }, K>({ list, idOf, kpisOf }: RecordListOptions<R, K>) {
  const [records, setRecords] = useState<R[] | null>(null);
  const [figures, setFigures] = useState<Record<string, K>>({});
  const [message, setMessage] = useState('');
  const load = () =>
    list()
      .then(async (all) => {
        setRecords(all);
        const entries = await Promise.all(all.map(async (record) => [idOf(record), await kpisOf(record)?.catch(() => null)] as const));
        setFigures(Object.fromEntries(entries.flatMap(([id, kpi]) => (kpi ? [[id, kpi]] : []))));
      })
      .catch((failure: Error) => setMessage(failure.message));
  useEffect(() => void load(), [projectId.value]);

  const act = (run: () => Promise<R>, done: string) =>
    run().then(
      (saved) => (setMessage(`${done} “${idOf(saved)}” (version ${saved.version}).`), load()),
      (failure: Error) => setMessage(failure.message),
    );
  return { records, figures, message, act };
}
