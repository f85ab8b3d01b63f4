import { createContext, useContext } from 'react';
import type { Hearth } from '@hearth/widget';

export const HearthContext = createContext<Hearth | null>(null);

/**
 * The Hearth instance of the nearest `<HearthProvider>`, for `track`, `page` and `consent`.
 * During server rendering it is an inert instance whose calls do nothing.
 * @example
 * const hearth = useHearth();
 * <button onClick={() => hearth.track('report_exported')}>Export</button>
 */
export function useHearth(): Hearth {
  const hearth = useContext(HearthContext);
  if (!hearth) throw new Error('useHearth: no Hearth here; render this component inside <HearthProvider>');
  return hearth;
}
