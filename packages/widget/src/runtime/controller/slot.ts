/** What a mounted widget offers its slot. */
export interface SlotWidget<S> {
  update(state: S): void;
  setContext(context: { locale?: string }): unknown;
  unmount(): void;
}

/**
 * One widget that lives as long as its part of `/v1/state` does: mounted on the first state that
 * has it, updated in place on the next ones, unmounted when it is gone (sign-out, another user).
 */
export function widgetSlot<S, W extends SlotWidget<S>>(mount: (first: S) => Promise<W>) {
  let handle: Promise<W | undefined> | undefined;
  let latest: S | undefined;

  const drop = () => {
    void handle?.then((mounted) => mounted?.unmount());
    handle = undefined;
  };
  const apply = (next: S) => void handle?.then((mounted) => mounted?.update(next));

  const start = (first: S) => {
    const mine: Promise<W | undefined> = mount(first)
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
    setContext: (next: { locale?: string }) => void handle?.then((mounted) => mounted?.setContext(next)),
    destroy: drop,
  };
}
