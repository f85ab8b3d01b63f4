import { batch, computed, signal, Signal } from '@preact/signals';
import { render } from 'preact';
import { useRef } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';

/** Preact re-renders on a microtask; a macrotask turn lets every queued render finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let container: HTMLElement | undefined;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = undefined;
});

function setup(view: preact.ComponentChild): HTMLElement {
  const root = (container = document.createElement('div'));
  document.body.append(root);
  render(view, root);
  return root;
}

describe('@preact/signals in this package (src/runtime/signals.ts)', () => {
  it('is the lean integration, as shipped: signals are not renderable vnodes', () => {
    // The full @preact/signals integration gives Signal.prototype a `type` (it renders as text).
    expect(Object.hasOwn(Signal.prototype, 'type')).toBe(false);
  });

  it('re-renders a component when a signal it read changes, and only then', async () => {
    const count = signal(1);
    const other = signal('a');
    let renders = 0;
    function Count() {
      renders++;
      return <p>{count.value}</p>;
    }
    const root = setup(<Count />);
    expect(root.textContent).toBe('1');
    count.value = 2;
    await settle();
    expect(root.textContent).toBe('2');
    other.value = 'b';
    await settle();
    expect(renders).toBe(2);
  });

  it('follows what the latest render read (conditional reads), through computeds and batches', async () => {
    const open = signal(false);
    const title = signal('x');
    const upper = computed(() => title.value.toUpperCase());
    let renders = 0;
    function Card() {
      renders++;
      return <p>{open.value ? upper.value : '-'}</p>;
    }
    const root = setup(<Card />);
    title.value = 'y'; // not read while closed
    await settle();
    expect(renders).toBe(1);
    batch(() => {
      open.value = true;
      title.value = 'z';
    });
    await settle();
    expect(root.textContent).toBe('Z');
    expect(renders).toBe(2);
    title.value = 'w';
    await settle();
    expect(root.textContent).toBe('W');
  });

  it('keeps hooks working and tracks each instance on its own', async () => {
    const a = signal('a');
    const b = signal('b');
    function Label({ text }: { text: Signal<string> }) {
      const mounts = useRef(0);
      mounts.current++;
      return <span>{`${text.value}${mounts.current}`}</span>;
    }
    const root = setup(
      <div>
        <Label text={a} />
        <Label text={b} />
      </div>,
    );
    b.value = 'B';
    await settle();
    expect(root.textContent).toBe('a1B2');
  });

  it('stops tracking when the component unmounts', async () => {
    const show = signal(true);
    const text = signal('t');
    let childRenders = 0;
    function Child() {
      childRenders++;
      return <i>{text.value}</i>;
    }
    function Parent() {
      return show.value ? <Child /> : null;
    }
    const root = setup(<Parent />);
    show.value = false;
    await settle();
    text.value = 'u';
    await settle();
    expect(root.textContent).toBe('');
    expect(childRenders).toBe(1);
  });
});
