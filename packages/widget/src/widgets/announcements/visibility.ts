/** How much of an item must be on screen, and for how long, before it counts as read. */
export const READ_THRESHOLD = 0.5;
export const READ_DWELL_MS = 1_000;

/**
 * Calls `onRead` once `element` has been at least half visible for a second. Without
 * IntersectionObserver (old browsers, some test DOMs) an item rendered in the open feed counts as
 * read after the same dwell, which is what a user scrolling a short feed sees anyway.
 * @returns stop
 */
export function whenRead(element: Element, onRead: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => (timer ??= setTimeout(onRead, READ_DWELL_MS));
  const disarm = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  const IO = element.ownerDocument.defaultView?.IntersectionObserver;
  if (!IO) {
    arm();
    return disarm;
  }
  const observer = new IO(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting && entry.intersectionRatio >= READ_THRESHOLD) arm();
        else disarm();
      }
    },
    { threshold: [0, READ_THRESHOLD] },
  );
  observer.observe(element);
  return () => {
    disarm();
    observer.disconnect();
  };
}
