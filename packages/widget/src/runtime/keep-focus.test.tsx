import { signal } from '@preact/signals';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from './mount.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** MutationObserver callbacks run as microtasks after the render that removed the control. */
const settle = () => act(async () => await Promise.resolve());

const open = signal(true);
const items = signal(['a', 'b']);

function List() {
  return (
    <ol>
      {items.value.map((id) => (
        <li key={id} id={id} tabIndex={-1}>
          {open.value && <button type="button">Start {id}</button>}
        </li>
      ))}
    </ol>
  );
}

describe('keepFocus (every mounted widget)', () => {
  it('moves focus to what is left of the item when a render removes the focused control', async () => {
    open.value = true;
    items.value = ['a', 'b'];
    const container = document.body.appendChild(document.createElement('div'));
    act(() => void mount({ container, view: <List /> }));
    const root = container.shadowRoot!;
    root.querySelector<HTMLElement>('#a button')!.focus();
    act(() => void (open.value = false));
    await settle();
    expect(root.activeElement?.id).toBe('a');
  });

  it('goes back to where focus came from on the page when the whole widget goes', async () => {
    open.value = true;
    items.value = ['a'];
    const before = document.body.appendChild(document.createElement('input'));
    const container = document.body.appendChild(document.createElement('div'));
    let unmount!: () => void;
    act(() => void (unmount = mount({ container, view: <List /> })));
    before.focus();
    container.shadowRoot!.querySelector<HTMLElement>('button')!.focus();
    act(() => unmount());
    expect(document.activeElement).toBe(before);
  });

  it('leaves focus the user moved elsewhere alone', async () => {
    open.value = true;
    items.value = ['a'];
    const elsewhere = document.body.appendChild(document.createElement('input'));
    const container = document.body.appendChild(document.createElement('div'));
    act(() => void mount({ container, view: <List /> }));
    container.shadowRoot!.querySelector<HTMLElement>('button')!.focus();
    elsewhere.focus();
    act(() => void (open.value = false));
    await settle();
    expect(document.activeElement).toBe(elsewhere);
  });
});
