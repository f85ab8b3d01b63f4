/**
 * What `import … from '@preact/signals'` means in this package's build and tests (vite.config.ts
 * aliases the specifier to this file): the signals of `@preact/signals-core`, which
 * `@preact/signals` re-exports unchanged, plus the one piece of its Preact integration we use — a
 * function component that reads a signal's `.value` while rendering re-renders when it changes.
 * The package's own integration also renders signals passed as JSX children or props, and
 * overrides `shouldComponentUpdate` to skip parent-driven re-renders; our components always read
 * `.value`, so the ~1 KB gzip it added to the runtime chunk bought nothing (docs/performance.md,
 * "Size design").
 */
import { effect } from '@preact/signals-core';
import { Fragment, options, type Component, type FunctionComponent } from 'preact';
import { useEffect } from 'preact/hooks';

export { batch, computed, signal, Signal } from '@preact/signals-core';

type Tracked = Component & { stopTracking?: () => void };

/** Each function component's tracking wrapper, made once; wrappers map to themselves. */
const wrappers = new WeakMap<FunctionComponent, FunctionComponent>();

/**
 * Renders `render` inside an effect, so the signals it reads subscribe this component instance:
 * the effect's next run (a dependency changed) asks Preact for a re-render, which tracks afresh.
 */
function tracking(render: FunctionComponent): FunctionComponent {
  let wrapper = wrappers.get(render);
  if (!wrapper) {
    wrapper = function (this: Tracked, props, context) {
      // Hooks run in the same order on every render: this one is always first.
      useEffect(() => () => this.stopTracking?.(), []);
      this.stopTracking?.();
      let rendered: ReturnType<FunctionComponent> = null;
      let first = true;
      this.stopTracking = effect(() => {
        if (first) {
          first = false;
          rendered = render.call(this, props, context);
        } else this.forceUpdate();
      });
      return rendered;
    };
    wrappers.set(render, wrapper).set(wrapper, wrapper);
  }
  return wrapper;
}

const previousVnode = options.vnode;
options.vnode = (vnode) => {
  const { type } = vnode;
  // Function components only: not DOM elements, not Fragment, not class components.
  if (typeof type === 'function' && type !== Fragment && !type.prototype?.render) {
    (vnode as { type: unknown }).type = tracking(type as FunctionComponent);
  }
  previousVnode?.(vnode);
};
