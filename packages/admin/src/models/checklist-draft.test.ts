import { checklistPromptSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { checkDraft, draftFromPrompt, newChecklistDraft } from './checklist-draft.js';

const stored = checklistPromptSchema.parse({
  id: 'onboarding',
  kind: 'checklist',
  status: 'live',
  audience: { type: 'trait', trait: 'role', op: 'equals', value: 'admin' },
  translations: { fr: { title: 'Bienvenue' } },
  content: {
    title: 'Get started',
    items: [
      { id: 'create', title: 'Create a project', completeWhen: { type: 'event', event: 'Project Created' } },
      { id: 'avatar', title: 'Add a photo', completeWhen: { type: 'trait', trait: 'avatarUrl', op: 'exists' } },
    ],
  },
});

describe('checklist form validation (checklistPromptSchema)', () => {
  it('puts each schema error at its field path', () => {
    const draft = { ...newChecklistDraft(), id: 'Not A Slug', title: '' };
    draft.items = [{ ...draft.items[0]!, title: '', event: '' }];
    const { ok, errors } = checkDraft(draft);
    expect(ok).toBe(false);
    expect(errors.id).toBe('ids are 1–64 lowercase letters, digits, "_" or "-"');
    expect(errors['content.title']).toBe('title must not be empty');
    expect(errors['content.items.0.title']).toBe('title must not be empty');
    expect(errors['content.items.0.completeWhen.event']).toBeDefined();
  });

  it('reports duplicate item ids and javascript: links at the item field', () => {
    const draft = draftFromPrompt(stored);
    draft.items = [draft.items[0]!, { ...draft.items[0]!, url: 'javascript:alert(1)' }];
    const { errors } = checkDraft(draft);
    expect(errors['content.items.1.id']).toBe('duplicate item id "create"');
    expect(errors['content.items.1.action.url']).toBe('url must start with http://, https:// or a single "/"');
  });

  it('round-trips a stored prompt, keeping what the form does not edit', () => {
    const draft = draftFromPrompt(stored);
    draft.title = 'Welcome aboard';
    const { ok, prompt } = checkDraft(draft);
    expect(ok).toBe(true);
    const parsed = checklistPromptSchema.parse(prompt);
    expect(parsed.content.title).toBe('Welcome aboard');
    expect(parsed.status).toBe('live');
    expect(parsed.translations).toEqual({ fr: { title: 'Bienvenue' } });
    expect(parsed.audience).toEqual(stored.audience);
    expect(parsed.content.items[1]?.completeWhen).toEqual({ type: 'trait', trait: 'avatarUrl', op: 'exists' });
  });
});
