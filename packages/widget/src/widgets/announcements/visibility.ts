import { batch } from '@preact/signals';

/** How much of an item must be on screen, and for how long, before it counts as read. */
export const READ_THRESHOLD = 0.5;
export const READ_DWELL_MS = 1_000;

export interface ReadTracker {
  /** Calls `onRead` once `element` has been at least half visible for a second. @returns stop */
  watch(element: Element, onRead: () => void): () => void;
  stop(): void;
}

/**
 * One IntersectionObserver and one timer for the whole feed, not one of each per item: a feed of
 * 1,000 items would otherwise set up 1,000 observers on open and tear them down on close. Items
 * that become due together are marked read in one `batch`, so they cost one render, not one each.
 * Without IntersectionObserver (old browsers, some test DOMs) an item rendered in the open feed
 * counts as read after the same dwell, which is what a user scrolling a short feed sees anyway.
 */
export function readTracker(): ReadTracker {
  const onRead = new Map<Element, () => void>();
  // When each item on screen now becomes read (Date.now() time).
  const due = new Map<Element, number>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = () => {
    // Items armed later are due later: a pending timer still fires first, and reschedules.
    if (timer === undefined && due.size) timer = setTimeout(flush, Math.min(...due.values()) - Date.now());
  };
  const flush = () => {
    timer = undefined;
    const now = Date.now();
    batch(() => {
      for (const [element, at] of due) {
        if (at > now) continue;
        due.delete(element);
        onRead.get(element)?.();
      }
    });
    schedule();
  };
  const arm = (element: Element) => {
    if (!due.has(element)) due.set(element, Date.now() + READ_DWELL_MS);
    schedule();
  };

  // Made on the first watch, from the items' own window (the host page's, or an iframe's).
  let observer: IntersectionObserver | undefined;
  const observe = (element: Element): boolean => {
    const IO = element.ownerDocument.defaultView?.IntersectionObserver;
    observer ??=
      IO &&
      new IO(
        (entries) => {
          for (const entry of entries) {
            if (entry.isIntersecting && entry.intersectionRatio >= READ_THRESHOLD) arm(entry.target);
            else due.delete(entry.target);
          }
        },
        { threshold: [0, READ_THRESHOLD] },
      );
    observer?.observe(element);
    return !!observer;
  };

  return {
    watch(element, read) {
      onRead.set(element, read);
      if (!observe(element)) arm(element);
      return () => {
        onRead.delete(element);
        due.delete(element);
        observer?.unobserve(element);
      };
    },
    stop() {
      clearTimeout(timer);
      timer = undefined;
      due.clear();
      onRead.clear();
      observer?.disconnect();
    },
  };
}
