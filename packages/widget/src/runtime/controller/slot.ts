/** What a mounted widget offers its slot. */
export interface SlotWidget<S> {
  update(state: S): void;
  setContext(context: { locale?: string }): unknown;
  unmount(): void;
}

/**
 * One widget that lives as long as its part of `/v1/state` does: mounted on the first state that
 * has it, updated in place on the next ones, unmounted when it is gone (sign-out, another user).
 * It goes inline in the page's mount point (`findMountPoint`) when there is one, and moves into a
 * new one when a single-page app renders it again.
 */
export function widgetSlot<S, W extends SlotWidget<S>>(
  mount: (first: S, container: Element | undefined) => Promise<W>,
  findMountPoint: () => Element | undefined,
) {
  let handle: Promise<W | undefined> | undefined;
  let latest: S | undefined;
  let container: Element | undefined;

  const drop = () => {
    void handle?.then((mounted) => mounted?.unmount());
    handle = undefined;
  };
  const apply = (next: S) => void handle?.then((mounted) => mounted?.update(next));

  const start = (first: S) => {
    container = findMountPoint();
    const mine: Promise<W | undefined> = mount(first, container)
      .then((mounted) => {
        // Dropped, or replaced by a newer mount, while the chunk was loading.
        if (handle !== mine) return void mounted.unmount();
        if (latest !== undefined && latest !== first) mounted.update(latest);
        return mounted;
      })
      .catch(() => {
        // Offline: the next state that has it tries again.
        if (handle === mine) handle = undefined;
        return undefined;
      });
    return mine;
  };

  return {
    update(next: S | undefined) {
      latest = next;
      if (next === undefined) return drop();
      if (handle) apply(next);
      else handle = start(next);
    },
    /** Fresh state from elsewhere than `/v1/state` (a redemption's answer). */
    apply,
    mountPoints() {
      const point = findMountPoint();
      if (!handle || latest === undefined || !point || point === container) return;
      drop();
      handle = start(latest);
    },
    setContext: (next: { locale?: string }) => void handle?.then((mounted) => mounted?.setContext(next)),
    destroy: drop,
  };
}
