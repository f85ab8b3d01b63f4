import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cliContent, surveyFixture } from './fixtures.js';
import { mountSurvey, SURVEY_EVENTS, type MountSurveyOptions } from './index.js';

afterEach(() => {
  document.body.replaceChildren();
});

async function setup(options: Partial<MountSurveyOptions> = {}) {
  const track = vi.fn();
  const onResponse = vi.fn();
  const onHide = vi.fn();
  let handle!: Awaited<ReturnType<typeof mountSurvey>>;
  await act(async () => {
    handle = await mountSurvey({ survey: surveyFixture(), locale: 'en', track, onResponse, onHide, ...options });
  });
  const root = document.querySelector('hearth-root')!.shadowRoot!;
  const $ = (selector: string) => root.querySelector<HTMLElement>(selector);
  const radios = () => [...root.querySelectorAll<HTMLElement>('[role=radio]')];
  const button = (name: string) =>
    [...root.querySelectorAll<HTMLElement>('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);
  const key = (target: Element, keyName: string) =>
    act(() => void target.dispatchEvent(new KeyboardEvent('keydown', { key: keyName, bubbles: true })));
  return { root, $, radios, button, key, track, onResponse, onHide, handle };
}

describe('survey widget (corner card)', () => {
  it('shows the NPS question as a labelled 0–10 radio group, without taking focus from the host', async () => {
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    const { $, radios, track, root } = await setup();
    expect(document.activeElement).toBe(input);
    expect(root.activeElement).toBeNull();
    expect(root.adoptedStyleSheets).toHaveLength(2);
    expect(track).toHaveBeenCalledWith(SURVEY_EVENTS.shown, { promptId: 'nps-q2', kind: 'survey', cycle: 1 });
    const group = $('[role=radiogroup]')!;
    expect(root.getElementById(group.getAttribute('aria-labelledby')!)?.textContent).toBe(
      'How likely are you to recommend Acme Projects to a friend or colleague?',
    );
    expect(radios().map((r) => r.textContent)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    // The ends carry their labels in their names; one tab stop for the whole scale.
    expect(radios()[0]?.getAttribute('aria-label')).toBe('0, Not at all likely');
    expect(radios()[10]?.getAttribute('aria-label')).toBe('10, Extremely likely');
    expect(radios().filter((r) => r.tabIndex === 0)).toHaveLength(1);
    expect($('.card')?.getAttribute('role')).toBe('region');
    expect($('[aria-modal]')).toBeNull();
  });

  it('moves with arrow keys, Home and End without answering; choosing answers at once', async () => {
    const { radios, key, root, onResponse } = await setup();
    act(() => radios()[0]!.focus());
    await key(root.activeElement!, 'ArrowRight');
    await key(root.activeElement!, 'ArrowRight');
    expect(root.activeElement?.textContent).toBe('2');
    expect(root.activeElement?.getAttribute('tabindex')).toBe('0');
    await key(root.activeElement!, 'End');
    expect(root.activeElement?.textContent).toBe('10');
    await key(root.activeElement!, 'ArrowRight');
    expect(root.activeElement?.textContent).toBe('10');
    await key(root.activeElement!, 'Home');
    await key(root.activeElement!, 'ArrowLeft');
    expect(root.activeElement?.textContent).toBe('0');
    await key(root.activeElement!, 'ArrowDown');
    expect(onResponse).not.toHaveBeenCalled();
    // Enter or Space on a native button is a click.
    act(() => (root.activeElement as HTMLElement).click());
    expect(onResponse).toHaveBeenCalledWith({ surveyId: 'nps-q2', cycle: 1, answer: { type: 'nps', score: 1 }, locale: 'en' });
  });

  it('choosing 3 shows the detractor follow-up, focused, then the thank-you', async () => {
    const { radios, $, root, button, onResponse } = await setup({ traits: { firstName: 'Ola' } });
    act(() => radios()[3]!.click());
    const textarea = $('textarea')!;
    expect(root.querySelector(`label[for="${textarea.id}"]`)?.textContent).toBe('Sorry to hear that, Ola. What should we fix first?');
    expect(root.activeElement).toBe(textarea);
    (textarea as HTMLTextAreaElement).value = 'Exports time out';
    act(() => button('Send')!.click());
    expect(onResponse).toHaveBeenLastCalledWith(
      expect.objectContaining({ answer: { type: 'nps', score: 3 }, comment: 'Exports time out' }),
    );
    const thanks = $('[role=status]')!;
    expect(thanks.textContent).toBe('Thank you for your feedback!');
    expect(root.activeElement).toBe(thanks);
  });

  it('"ask me later" snoozes and goes away; × dismisses', async () => {
    const snoozed = await setup();
    act(() => snoozed.button('Ask me later')!.click());
    expect(snoozed.track).toHaveBeenCalledWith(SURVEY_EVENTS.snoozed, { promptId: 'nps-q2', kind: 'survey', cycle: 1 });
    expect(snoozed.onHide).toHaveBeenCalledTimes(1);
    expect(snoozed.$('.card')).toBeNull();
    document.body.replaceChildren();
    const dismissed = await setup();
    act(() => dismissed.button('Dismiss')!.click());
    expect(dismissed.track).toHaveBeenCalledWith(SURVEY_EVENTS.dismissed, { promptId: 'nps-q2', kind: 'survey', cycle: 1 });
    expect(dismissed.$('.card')).toBeNull();
  });

  it('walks CLI questions with a count, focusing the next scale', async () => {
    const { $, radios, root, onResponse } = await setup({ survey: surveyFixture({}, cliContent) });
    expect($('.count')?.textContent).toBe('1 of 3');
    expect(radios().map((r) => r.textContent)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    act(() => radios()[7]!.click());
    expect($('.q')?.textContent).toBe('How satisfied are you with our support?');
    expect($('.count')?.textContent).toBe('2 of 3');
    expect(root.activeElement).toBe(radios()[0]);
    expect(onResponse).toHaveBeenCalledWith(expect.objectContaining({ answer: { type: 'cli', scores: { quality: 8 } } }));
  });

  it('renders Arabic right-to-left: Arabic digits, and ArrowLeft moves to the next score', async () => {
    const { $, radios, key, root, button } = await setup({ locale: 'ar' });
    expect($('.root')?.getAttribute('dir')).toBe('rtl');
    expect($('.card')?.getAttribute('dir')).toBe('rtl');
    const format = new Intl.NumberFormat('ar');
    expect(radios()[5]?.textContent).toBe(format.format(5));
    act(() => radios()[4]!.focus());
    await key(root.activeElement!, 'ArrowLeft');
    expect(root.activeElement).toBe(radios()[5]);
    expect(button('اسألني لاحقًا')).toBeDefined();
  });

  it('unmounts without leaving anything behind', async () => {
    const { handle } = await setup();
    act(() => handle.unmount());
    expect(document.querySelector('hearth-root')).toBeNull();
  });
});

describe('survey widget (modal)', () => {
  it('traps focus in a labelled dialog, and Escape dismisses it and returns focus', async () => {
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { $, root, track, radios } = await setup({ survey: surveyFixture({ display: 'modal' }) });
    const dialog = $('[role=dialog]')!;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.getAttribute('aria-labelledby')).toBe($('.q')?.id);
    expect($('.backdrop')).not.toBeNull();
    expect(dialog.contains(root.activeElement)).toBe(true);
    // Shift+Tab from the first control wraps to the last ("ask me later").
    const shiftTab = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, composed: true, cancelable: true });
    act(() => void root.activeElement!.dispatchEvent(shiftTab));
    expect(root.activeElement?.textContent).toBe('Ask me later');
    expect(radios()).toHaveLength(11);
    act(() => void dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(track).toHaveBeenCalledWith(SURVEY_EVENTS.dismissed, expect.anything());
    expect($('[role=dialog]')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('Escape snoozes instead when it cannot be dismissed', async () => {
    const { $, track } = await setup({ survey: surveyFixture({ display: 'modal', dismissible: false }) });
    act(() => void $('[role=dialog]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(track).toHaveBeenCalledWith(SURVEY_EVENTS.snoozed, expect.anything());
  });
});

describe('survey focus after closing', () => {
  it('gives focus back to where it came from when the corner card closes', async () => {
    const before = document.body.appendChild(document.createElement('button'));
    const { button, handle, onHide } = await setup();
    before.focus();
    button('Dismiss')!.focus();
    act(() => button('Dismiss')!.click());
    expect(onHide).toHaveBeenCalled();
    act(() => handle.unmount());
    expect(document.activeElement).toBe(before);
  });
});
