import { checklistPromptSchema, LINK_RULE } from '@hearth/schema';
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
    expect(errors['content.items.1.action.url']).toBe(LINK_RULE);
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

describe('checklist holdout', () => {
  it('round-trips a stored holdout, and clearing the field removes it', () => {
    const draft = draftFromPrompt({ ...stored, holdout: { percent: 12.5 } });
    expect(draft.holdoutPercent).toBe('12.5');
    expect(checklistPromptSchema.parse(checkDraft(draft).prompt).holdout).toEqual({ percent: 12.5 });
    expect(checklistPromptSchema.parse(checkDraft({ ...draft, holdoutPercent: ' ' }).prompt).holdout).toBeUndefined();
    expect(checkDraft({ ...draft, holdoutPercent: '0' }).errors['holdout.percent']).toBe('holdout.percent must be at least 0.1');
  });
});

describe('checklist triggers, schedule and frequency (the envelope every prompt form shares)', () => {
  it("starts with the schema's checklist defaults: on load, stop after dismiss, not after complete", () => {
    const { envelope } = newChecklistDraft();
    expect(envelope.triggers.map((t) => t.type)).toEqual(['load']);
    expect([envelope.stopAfterDismiss, envelope.stopAfterComplete]).toEqual([true, false]);
  });

  it('round-trips triggers, schedule and frequency of a stored prompt, and sends edits', () => {
    const withEnvelope = checklistPromptSchema.parse({
      ...stored,
      triggers: [
        { type: 'event', name: 'Project Created', minCount: 2 },
        { type: 'url', match: 'glob', pattern: '/projects/*' },
      ],
      schedule: { startAt: '2026-05-01T08:00:00.000Z', endAt: '2026-06-01T08:00:00.000Z' },
      frequency: { maxDisplays: 3, minDaysBetween: 2, stopAfterDismiss: false, stopAfterComplete: true },
      priority: 5,
    });
    const draft = draftFromPrompt(withEnvelope);
    const unchanged = checklistPromptSchema.parse(checkDraft(draft).prompt);
    expect(unchanged.triggers).toEqual(withEnvelope.triggers);
    expect(unchanged.schedule).toEqual(withEnvelope.schedule);
    expect(unchanged.frequency).toEqual(withEnvelope.frequency);
    expect(unchanged.priority).toBe(5);

    draft.envelope = {
      ...draft.envelope,
      triggers: [draft.envelope.triggers[0]!, { ...draft.envelope.triggers[0]!, type: 'delay', ms: '1500' }],
      maxDisplays: '',
      priority: '-2',
    };
    const edited = checklistPromptSchema.parse(checkDraft(draft).prompt);
    expect(edited.triggers[1]).toEqual({ type: 'delay', ms: 1500 });
    expect(edited.frequency.maxDisplays).toBeUndefined();
    expect(edited.priority).toBe(-2);
  });

  it("puts the schema's envelope errors at their paths", () => {
    const draft = draftFromPrompt(stored);
    draft.envelope = {
      ...draft.envelope,
      triggers: [],
      startAt: '2026-06-01T10:00',
      endAt: '2026-05-01T10:00',
      minDaysBetween: '-1',
      priority: 'high',
    };
    const { ok, errors } = checkDraft(draft);
    expect(ok).toBe(false);
    expect(errors.triggers).toBe('triggers needs at least one trigger');
    expect(errors['schedule.endAt']).toBe('endAt must be after startAt');
    expect(errors['frequency.minDaysBetween']).toBe('minDaysBetween must not be negative');
    expect(errors.priority).toBeDefined();
  });

  it('completes items on an event with a property condition, or on a trait, and keeps a condition it cannot show', () => {
    const draft = draftFromPrompt(
      checklistPromptSchema.parse({
        id: 'setup',
        kind: 'checklist',
        content: {
          title: 'Set up',
          items: [
            {
              id: 'invite',
              title: 'Invite an admin',
              completeWhen: { type: 'event', event: 'Teammate Invited', where: { role: 'admin', seats: 2 } },
            },
            { id: 'plan', title: 'Choose a plan', completeWhen: { type: 'trait', trait: 'plan', op: 'equals', value: 'pro' } },
            { id: 'tier', title: 'Pick a tier', completeWhen: { type: 'trait', trait: 'plan', op: 'in', values: ['pro', 'team'] } },
          ],
        },
      }),
    );
    expect(draft.items.map((item) => item.doneBy)).toEqual(['event', 'trait', 'trait']);
    expect(draft.items[0]!.where).toEqual([
      { property: 'role', value: 'admin' },
      { property: 'seats', value: '2' },
    ]);
    expect(draft.items[1]!.trait).toMatchObject({ name: 'plan', op: 'equals', value: 'pro' });
    expect(draft.items[2]!.completeWhen).toEqual({ type: 'trait', trait: 'plan', op: 'in', values: ['pro', 'team'] });

    draft.items[0] = { ...draft.items[0]!, where: [{ property: 'role', value: 'owner' }] };
    draft.items[1] = { ...draft.items[1]!, trait: { ...draft.items[1]!.trait, op: 'exists' } };
    const saved = checklistPromptSchema.parse(checkDraft(draft).prompt);
    expect(saved.content.items.map((item) => item.completeWhen)).toEqual([
      { type: 'event', event: 'Teammate Invited', where: { role: 'owner' } },
      { type: 'trait', trait: 'plan', op: 'exists' },
      { type: 'trait', trait: 'plan', op: 'in', values: ['pro', 'team'] },
    ]);

    draft.items[1] = { ...draft.items[1]!, trait: { ...draft.items[1]!.trait, name: '', op: 'gt', value: 'lots' } };
    const { errors } = checkDraft(draft);
    expect(errors['content.items.1.completeWhen.trait']).toBeDefined();
    expect(errors['content.items.1.completeWhen.value']).toBeDefined();
  });
});
