import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../api/client.js';

export interface KpiState<T> {
  data: T | null;
  error: ApiError | null;
}

/**
 * Loads one KPI answer whenever `key` (the filters, the chosen prompt…) changes. An answer that
 * arrives after the filters changed again is dropped, so a slow request never overwrites a newer one.
 */
export function useKpi<T>(load: (() => Promise<T>) | null, key: string): KpiState<T> {
  const [state, setState] = useState<KpiState<T>>({ data: null, error: null });
  useEffect(() => {
    if (!load) return undefined;
    let current = true;
    setState({ data: null, error: null });
    load().then(
      (data) => current && setState({ data, error: null }),
      (error: unknown) =>
        current && setState({ data: null, error: error instanceof ApiError ? error : new ApiError(0, 'unknown', String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  return state;
}
