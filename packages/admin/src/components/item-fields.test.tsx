import { LINK_RULE } from '@hearth/schema';
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { checkDraft, newChecklistDraft } from '../models/checklist-draft.js';
import { errorsUnder } from '../models/field-errors.js';
import { ItemFields } from './item-fields.js';

describe('<ItemFields>', () => {
  it('shows checklistPromptSchema errors under the item inputs they belong to', () => {
    const draft = newChecklistDraft();
    const item = { ...draft.items[0]!, id: 'Bad Id', url: 'javascript:alert(1)' };
    const { errors } = checkDraft({ ...draft, id: 'ok', title: 'T', items: [item] });
    const host = document.createElement('div');
    render(
      <ItemFields
        index={0}
        item={item}
        errors={errorsUnder(errors, 'content.items.0')}
        onChange={() => undefined}
        onRemove={() => undefined}
      />,
      host,
    );
    const errorFor = (id: string) => host.querySelector(`#${id}-error`)?.textContent;
    expect(errorFor('item-0-id')).toBe('ids are 1–64 lowercase letters, digits, "_" or "-"');
    expect(errorFor('item-0-title')).toBe('title must not be empty');
    expect(errorFor('item-0-url')).toBe(LINK_RULE);
    expect(host.querySelector('#item-0-description-error')).toBeNull();
    expect(host.querySelector('#item-0-title')?.getAttribute('aria-describedby')).toBe('item-0-title-error');
  });
});
