import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { AnnouncementEditor } from './announcement-editor.js';
import { ChecklistEditor } from './checklist-editor.js';
import { SurveyEditor } from './survey-editor.js';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => act(() => render(null, host)));

const $ = <E extends Element = HTMLInputElement>(selector: string) => host.querySelector<E>(selector);
const fill = (selector: string, value: string) => {
  const input = $<HTMLInputElement | HTMLSelectElement>(selector)!;
  input.value = value;
  act(() => void input.dispatchEvent(new Event(input instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true })));
};
const save = () => act(() => void $('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
const errorFor = (id: string) => $(`#${id}-error`)?.textContent;

describe('every prompt editor edits triggers, schedule and frequency where its schema has them', () => {
  it("new checklist: the shared fields, with the schema's errors at each before anything is sent", () => {
    act(() => render(<ChecklistEditor id={null} />, host));
    for (const id of [
      'trigger-0-type',
      'schedule-start',
      'schedule-end',
      'frequency-max',
      'frequency-gap',
      'frequency-dismiss',
      'frequency-complete',
      'priority',
    ]) {
      expect($(`#${id}`), id).not.toBeNull();
    }
    // Checklist defaults: stop after dismiss, not after complete (content.hideWhenComplete decides).
    expect($('#frequency-dismiss')!.checked).toBe(true);
    expect($('#frequency-complete')!.checked).toBe(false);

    fill('#id', 'welcome');
    fill('#title', 'Welcome');
    fill('#item-0-title', 'Create a project');
    fill('#item-0-event', 'Project Created');
    fill('#trigger-0-type', 'event');
    fill('#schedule-start', '2026-06-01T10:00');
    fill('#schedule-end', '2026-05-01T10:00');
    fill('#frequency-max', '0');
    save();
    expect($('[role="status"]')?.textContent).toBe('Not saved: fix the 3 highlighted field(s) listed above the form.');
    // The summary lists each problem as a link to its field.
    expect([...host.querySelectorAll('.error-summary li')].length).toBe(3);
    expect(errorFor('trigger-0-name')).toBeTruthy();
    expect(errorFor('schedule-end')).toBe('endAt must be after startAt');
    expect(errorFor('frequency-max')).toBe('maxDisplays must be at least 1');
    expect($('#frequency-max')!.getAttribute('aria-invalid')).toBe('true');

    // Fixed fields lose their error at the next check; one left wrong keeps the draft unsent.
    fill('#trigger-0-name', 'Signed Up');
    fill('#schedule-end', '');
    save();
    expect($('[role="status"]')?.textContent).toBe('Not saved: fix the 1 highlighted field(s) listed above the form.');
    expect(errorFor('trigger-0-name')).toBeUndefined();
    expect(errorFor('schedule-end')).toBeUndefined();
    expect(errorFor('frequency-max')).toBe('maxDisplays must be at least 1');
  });

  it('new survey: the same shared fields, with its cadence as the one frequency section', () => {
    act(() => render(<SurveyEditor id={null} />, host));
    for (const id of ['trigger-0-type', 'schedule-start', 'schedule-end', 'cadence-maxAsks', 'cadence-minDaysBetweenAsks', 'priority'])
      expect($(`#${id}`), id).not.toBeNull();
    for (const id of ['frequency-max', 'frequency-gap']) expect($(`#${id}`), id).toBeNull();
    expect([...host.querySelectorAll('details.section summary')].map((s) => s.textContent)).toEqual([
      'Content',
      'Audience',
      'Trigger',
      'Schedule',
      'Frequency',
      'Translations',
    ]);
    fill('#cadence-minDaysBetweenAsks', '-3');
    save();
    expect(errorFor('cadence-minDaysBetweenAsks')).toBe('minDaysBetweenAsks must not be negative');
  });

  it('a link in the error summary opens the closed section and focuses the field', () => {
    act(() => render(<ChecklistEditor id={null} />, host));
    fill('#frequency-max', '0');
    save();
    const frequency = $('#frequency-max')!.closest('details')!;
    frequency.open = false;
    const link = [...host.querySelectorAll<HTMLAnchorElement>('.error-summary a')].find((a) => a.textContent?.includes('maxDisplays'))!;
    act(() => link.click());
    expect(frequency.open).toBe(true);
    expect(document.activeElement).toBe($('#frequency-max'));
  });

  it('new announcement: no triggers or frequency in its schema; its schedule is publish and expiry', () => {
    act(() => render(<AnnouncementEditor id={null} />, host));
    expect($('#trigger-0-type')).toBeNull();
    fill('#id', 'dark-mode');
    fill('#title', 'Dark mode');
    fill('#publish-at', '2026-06-01T10:00');
    fill('#expires-at', '2026-05-01T10:00');
    save();
    expect(errorFor('expires-at')).toBe('expiresAt must be after publishAt');
  });
});
