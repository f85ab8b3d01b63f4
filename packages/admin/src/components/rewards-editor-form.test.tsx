import { rewardsConfigSchema } from '@hearth/schema';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRewardsDraft, draftFromProgram, type RewardsDraft } from '../models/rewards-draft.js';
import { RewardsEditorForm } from './rewards-editor-form.js';

const host = document.createElement('div');
document.body.append(host);
afterEach(() => render(null, host));

const program = rewardsConfigSchema.parse({
  rules: [
    { id: 'export', title: 'Export a report', on: { type: 'event', event: 'report_exported' }, points: 50 },
    { id: 'login', title: 'Log in', on: { type: 'event', event: 'logged_in', source: 'client' }, points: 5, caps: { perDay: 1 } },
  ],
  badges: [{ id: 'exporter', name: 'Report pro', unlock: { type: 'rule', ruleId: 'export', count: 3 } }],
  tiers: [{ id: 'bronze', name: 'Bronze', minPoints: 0 }],
  catalog: [{ id: 'tee', name: 'T-shirt', cost: 80 }],
});

/** The form as the page drives it: the draft kept across edits, errors re-checked after each one. */
function mount(initial: RewardsDraft, checkErrors = true) {
  let current = initial;
  const draw = () =>
    render(
      <RewardsEditorForm
        draft={current}
        errors={checkErrors ? checkRewardsDraft(current).errors : {}}
        saving={false}
        onSubmit={() => undefined}
        onChange={(next) => ((current = next), draw())}
      />,
      host,
    );
  act(draw);
  return {
    get draft() {
      return current;
    },
  };
}

const field = (id: string) => host.querySelector<HTMLInputElement>(`#${id}`);
const errorOf = (id: string) => host.querySelector(`#${id}-error`)?.textContent;
function type(id: string, text: string) {
  const input = field(id);
  if (!input) throw new Error(`no #${id}`);
  input.value = text;
  act(() => void input.dispatchEvent(new Event('input', { bubbles: true })));
}
const button = (name: string) => {
  const found = [...host.querySelectorAll('button')].find((candidate) => candidate.textContent === name);
  if (!found) throw new Error(`no button "${name}"`);
  return found;
};
const click = (name: string) => act(() => button(name).click());

describe('<RewardsEditorForm>', () => {
  it('shows the schema message at the field and links it for screen readers', () => {
    mount(draftFromProgram(program));
    type('rw-rules-0-points', '-5');
    expect(errorOf('rw-rules-0-points')).toBe('points must be greater than 0');
    expect(field('rw-rules-0-points')?.getAttribute('aria-invalid')).toBe('true');
    expect(field('rw-rules-0-points')?.getAttribute('aria-describedby')).toBe('rw-rules-0-points-error');
    expect(host.querySelector('.error-summary')?.textContent).toContain('Earning rule 1, points: points must be greater than 0');
    type('rw-rules-0-points', '60');
    expect(errorOf('rw-rules-0-points')).toBeUndefined();
    expect(host.querySelector('.error-summary')).toBeNull();
  });

  it('names a duplicate id, a client rule without a cap, and a badge whose rule was renamed', () => {
    mount(draftFromProgram(program));
    type('rw-rules-1-caps-perDay', '');
    expect(host.querySelector('#rw-rules-1-caps')?.textContent).toBe(
      'a rule fed by client events needs a cap (oncePerUser, perDay, perWeek or perMonth)',
    );
    type('rw-rules-1-id', 'export');
    expect(errorOf('rw-rules-1-id')).toBe('duplicate id "export"');
    type('rw-rules-1-id', 'login');
    type('rw-rules-0-id', 'exports');
    expect(errorOf('rw-rules-1-id')).toBeUndefined();
    expect(errorOf('rw-badges-0-unlock-ruleId')).toBe('no rule "export"');
  });

  it('adds, reorders and removes entries with labelled buttons', () => {
    const form = mount(draftFromProgram(program), false);
    click('Add catalog item');
    expect(form.draft.catalog.map((item) => item.id)).toEqual(['tee', 'item-2']);
    type('rw-catalog-1-name', 'Mug');
    type('rw-catalog-1-cost', '300');
    click('Move catalog item 2 up');
    expect(form.draft.catalog.map((item) => item.name)).toEqual(['Mug', 'T-shirt']);
    expect(host.querySelector('#rw-catalog-0 legend')?.textContent).toBe('Catalog item 1: Mug');
    click('Remove earning rule 2');
    expect(form.draft.rules.map((rule) => rule.id)).toEqual(['export']);
    const { ok, program: payload } = checkRewardsDraft(form.draft);
    expect(ok).toBe(true);
    expect(payload.catalog).toEqual([
      { id: 'item-2', name: 'Mug', cost: 300 },
      { id: 'tee', name: 'T-shirt', cost: 80 },
    ]);
  });

  it("switches a rule to a built-in source with that source's fields", () => {
    const form = mount(draftFromProgram(program));
    const trigger = field('rw-rules-0-on-type') as unknown as HTMLSelectElement;
    trigger.value = 'checklistItem';
    act(() => void trigger.dispatchEvent(new Event('change', { bubbles: true })));
    expect(field('rw-rules-0-on-event')).toBeNull();
    expect(errorOf('rw-rules-0-on-checklistId')).toBeTruthy();
    type('rw-rules-0-on-checklistId', 'getting-started');
    expect(checkRewardsDraft(form.draft).program.rules).toContainEqual(
      expect.objectContaining({ id: 'export', on: { type: 'checklistItem', checklistId: 'getting-started' } }),
    );
  });
});
