import { audienceSchema } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ROW_DEFAULTS, rowErrors, toAudience, type AudienceDraft } from '../models/audience-builder.js';
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
});
