import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommitInput } from './commit-input.js';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const input = () => host.querySelector('input')!;
const type = (text: string) =>
  act(() => {
    input().value = text;
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
const leave = () => act(() => void input().dispatchEvent(new Event('change', { bubbles: true })));

describe('<CommitInput>', () => {
  it('keeps what was typed through a render that happens before the field is left, then commits it once', () => {
    const onCommit = vi.fn();
    const mount = (value: string, note: string) =>
      act(() =>
        render(
          <>
            <p>{note}</p>
            <CommitInput aria-label="Segments" value={value} onCommit={onCommit} />
          </>,
          host,
        ),
      );
    mount('', 'loading');
    type('trait:team:growth');
    // A KPI answer arrives while the person is still in the field: the parent renders again.
    mount('', 'loaded');
    expect(input().value).toBe('trait:team:growth');
    expect(onCommit).not.toHaveBeenCalled();
    leave();
    expect(onCommit).toHaveBeenCalledTimes(1);
    expect(onCommit).toHaveBeenCalledWith('trait:team:growth');
  });

  it('shows a new value set from outside (a preset), and does not commit a text left unchanged', () => {
    const onCommit = vi.fn();
    const mount = (value: string) => act(() => render(<CommitInput aria-label="Segments" value={value} onCommit={onCommit} />, host));
    mount('trait:plan:pro');
    type('lifecycle:trial');
    mount('lifecycle:trial, lifecycle:long-time');
    expect(input().value).toBe('lifecycle:trial, lifecycle:long-time');
    leave();
    expect(onCommit).not.toHaveBeenCalled();
  });
});
