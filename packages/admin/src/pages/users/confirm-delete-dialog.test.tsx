import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { createUserPrivacy } from '../../models/user-privacy.js';
import { ConfirmDeleteDialog } from './confirm-delete-dialog.js';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => act(() => render(null, host)));

function mount() {
  const erased: string[] = [];
  const opener = document.createElement('button');
  document.body.append(opener);
  opener.focus();
  const privacy = createUserPrivacy(
    'usr_ada',
    { exportUser: () => Promise.reject(new Error('unused')), eraseUser: (id) => (erased.push(id), Promise.resolve({ removed: {} })) },
    () => {},
  );
  privacy.askToDelete();
  const draw = () => render(privacy.confirming.value ? <ConfirmDeleteDialog userId="usr_ada" privacy={privacy} /> : null, host);
  act(draw);
  privacy.confirming.subscribe(() => act(draw));
  return { privacy, erased, opener };
}

const press = (key: string, shiftKey = false) => {
  const target = document.activeElement ?? host;
  act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true })));
};
const input = () => host.querySelector<HTMLInputElement>('#confirm-user-id')!;
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('<ConfirmDeleteDialog>', () => {
  it('is a labelled modal dialog that takes focus', () => {
    mount();
    const dialog = host.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('aria-modal')).toBe('true');
    expect(host.querySelector(`#${dialog?.getAttribute('aria-labelledby') ?? 'x'}`)?.textContent).toBe('Delete user usr_ada?');
    expect(document.activeElement).toBe(input());
  });

  it('enables Delete only once the id is typed, and keeps Tab inside the dialog', () => {
    const { privacy } = mount();
    expect(button('Delete user').disabled).toBe(true);
    act(() => {
      input().value = 'usr_ada';
      input().dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(privacy.typed.value).toBe('usr_ada');
    expect(button('Delete user').disabled).toBe(false);
    button('Cancel').focus();
    press('Tab');
    expect(document.activeElement).toBe(input());
    press('Tab', true);
    expect(document.activeElement).toBe(button('Cancel'));
  });

  it('closes on Escape without deleting and gives focus back to the opener', () => {
    const { erased, opener } = mount();
    press('Escape');
    expect(host.querySelector('[role="dialog"]')).toBeNull();
    expect(erased).toEqual([]);
    expect(document.activeElement).toBe(opener);
  });
});
