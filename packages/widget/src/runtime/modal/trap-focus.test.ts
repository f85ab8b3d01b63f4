import { afterEach, describe, expect, it } from 'vitest';
import { deepActiveElement, trapFocus } from './trap-focus.js';

function tab(shiftKey = false) {
  const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, composed: true, cancelable: true });
  (deepActiveElement(document) ?? document.body).dispatchEvent(event);
  return event.defaultPrevented;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('trapFocus', () => {
  it('moves focus into the dialog, wraps Tab at both ends, and returns focus on release', () => {
    const opener = document.createElement('button');
    const host = document.createElement('div');
    document.body.append(opener, host);
    const shadow = host.attachShadow({ mode: 'open' });
    const dialog = document.createElement('div');
    const [first, last] = [document.createElement('button'), document.createElement('button')];
    dialog.append(first, last);
    shadow.append(dialog);
    opener.focus();

    const release = trapFocus(dialog);
    expect(deepActiveElement(document)).toBe(first);
    expect(tab(true)).toBe(true);
    expect(deepActiveElement(document)).toBe(last);
    expect(tab()).toBe(true);
    expect(deepActiveElement(document)).toBe(first);

    release();
    expect(document.activeElement).toBe(opener);
    expect(tab()).toBe(false);
  });

  it('skips tabindex="-1" controls (a radio group\'s other radios) when wrapping', () => {
    const dialog = document.createElement('div');
    const [first, roving, hidden] = [document.createElement('button'), document.createElement('button'), document.createElement('button')];
    hidden.tabIndex = -1;
    dialog.append(first, roving, hidden);
    document.body.append(dialog);
    const release = trapFocus(dialog);
    roving.focus();
    expect(tab()).toBe(true);
    expect(deepActiveElement(document)).toBe(first);
    expect(tab(true)).toBe(true);
    expect(deepActiveElement(document)).toBe(roving);
    release();
  });
});
