import { audienceSchema } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ROW_DEFAULTS, fromAudience, rowErrors, toAudience, type AudienceDraft } from '../models/audience-builder.js';
import { TargetingBuilder } from './targeting-builder.js';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

/** Renders the builder as the editor does: row errors from the schema, state kept across edits. */
function mount(initial: AudienceDraft) {
  let current = initial;
  const draw = () =>
    render(<TargetingBuilder value={current} errors={rowErrors(current)} onChange={(next) => ((current = next), draw())} />, host);
  act(draw);
  return {
    get value() {
      return current;
    },
  };
}

function type(input: Element | null, text: string) {
  const field = input as HTMLInputElement;
  field.value = text;
  act(() => void field.dispatchEvent(new Event('input', { bubbles: true })));
}

function choose(select: Element | null, value: string) {
  const field = select as HTMLSelectElement;
  field.value = value;
  act(() => void field.dispatchEvent(new Event('change', { bubbles: true })));
}

/** Each control of the builder by the text of its label, as a screen reader announces it. */
const labelled = () =>
  Object.fromEntries(
    [...host.querySelectorAll('label')].map((label) => [
      label.textContent,
      (host.querySelector(`#${label.htmlFor}`) as HTMLInputElement).value,
    ]),
  );

describe('<TargetingBuilder>', () => {
  it('shows the schema error at the failing input, linked for screen readers', () => {
    mount({ match: 'all', rows: [{ ...ROW_DEFAULTS.sample, value: '150' }] });
    const input = host.querySelector('#audience-rows-0-value');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    const error = host.querySelector(`#${input?.getAttribute('aria-describedby') ?? 'none'}`);
    expect(error?.textContent).toBe('percent must be 0–100');
  });

  it('builds valid rules from what a person types, and clears the error once fixed', () => {
    const builder = mount({ match: 'all', rows: [] });
    act(() => (host.querySelector('button:last-of-type') as HTMLButtonElement).click());
    type(host.querySelector('#audience-rows-0-name'), 'plan');
    type(host.querySelector('#audience-rows-0-value'), 'pro');
    expect(host.querySelector('[aria-invalid="true"]')).toBeNull();
    const audience = toAudience(builder.value);
    expect(audience).toEqual({ type: 'trait', trait: 'plan', op: 'equals', value: 'pro' });
    expect(audienceSchema.safeParse(audience).success).toBe(true);
  });

  it("switches a row to another kind of rule with that kind's inputs", () => {
    const builder = mount({ match: 'all', rows: [ROW_DEFAULTS.trait] });
    const kind = host.querySelector('#audience-rows-0-kind') as HTMLSelectElement;
    kind.value = 'inactivity';
    act(() => void kind.dispatchEvent(new Event('change', { bubbles: true })));
    expect(host.querySelector('label[for="audience-rows-0-value"]')?.textContent).toBe('Days without activity, at least');
    expect(toAudience(builder.value)).toEqual({ type: 'lifecycle', measure: 'daysSinceLastSeen', op: 'gte', days: 7 });
  });

  it('builds "account on trial with fewer than 3 active members" from labelled rows, and reads it back the same', () => {
    const builder = mount({ match: 'all', rows: [] });
    const add = () => act(() => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Add rule')!.click());
    add();
    choose(host.querySelector('#audience-rows-0-kind'), 'accountTrait');
    expect(host.querySelector('#audience-rows-0-name')?.getAttribute('list')).toBe('known-account-traits');
    type(host.querySelector('#audience-rows-0-name'), 'plan');
    type(host.querySelector('#audience-rows-0-value'), 'trial');
    add();
    choose(host.querySelector('#audience-rows-1-kind'), 'accountActiveMembers');
    expect(labelled()).toMatchObject({ 'Active members': 'lt', Members: '3', 'Active in the last … days': '7' });
    type(host.querySelector('#audience-rows-1-within'), '30');
    const audience = toAudience(builder.value);
    expect(audience).toEqual({
      type: 'all',
      rules: [
        { type: 'accountTrait', trait: 'plan', op: 'equals', value: 'trial' },
        { type: 'accountActiveMembers', op: 'lt', count: 3, withinDays: 30 },
      ],
    });

    // Saved and opened again: the same rows, the same labelled values.
    const before = labelled();
    render(null, host);
    mount(fromAudience(audienceSchema.parse(audience))!);
    expect(labelled()).toEqual(before);
    expect(before).toMatchObject({ 'Rule 1': 'accountTrait', 'Account trait': 'plan', Condition: 'equals', Value: 'trial' });
  });

  it('shows a bad active-member window at its input', () => {
    mount({ match: 'all', rows: [{ ...ROW_DEFAULTS.accountActiveMembers, withinDays: '0' }] });
    const input = host.querySelector('#audience-rows-0-within');
    expect(input?.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector(`#${input?.getAttribute('aria-describedby') ?? 'none'}`)?.textContent).toBe('days must be greater than 0');
  });
});
