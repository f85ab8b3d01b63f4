import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/**
 * Takes part in the corners' precedence (dock/precedence.ts) while `on` (a docked surface on
 * screen): `close` for a panel that collapses to its launcher, none for a card that waits instead.
 * The precedence code is a chunk of its own: pages whose widgets are all inline never load it.
 */
export function useCorner(ref: RefObject<Element>, on: boolean, close?: () => void): void {
  useEffect(() => {
    // `on` only while the surface is rendered, so the ref is set.
    const element = ref.current!;
    if (!on) return;
    const entered = import('./dock/precedence.js').then((precedence) => precedence.enter(element, close));
    return () => void entered.then((leave) => leave());
  }, [on]);
}
