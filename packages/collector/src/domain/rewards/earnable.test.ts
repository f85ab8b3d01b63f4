import { earningTriggerSchema, type EarningTrigger } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { npsSurvey } from '../survey/fixtures.js';
import { NOW, checklist, facts } from '../test-helpers.js';
import { earnableTriggers } from './earnable.js';

const role = (value: string) => ({ type: 'trait', trait: 'role', op: 'equals', value });
const prompts = [
  checklist({ id: 'admin-onboarding', audience: role('admin') }),
  checklist({ id: 'member-onboarding', audience: role('member') }),
  checklist({ id: 'retired', status: 'archived' }),
  checklist({ id: 'over', schedule: { endAt: NOW.toISOString() } }),
  npsSurvey({ id: 'admin-nps', audience: role('admin') }),
];
const trigger = (input: object): EarningTrigger => earningTriggerSchema.parse(input);
const earnableFor = (traits: Record<string, string>) => earnableTriggers(prompts, facts({ prompts, traits }), NOW);

describe('earnableTriggers', () => {
  it('keeps rules fed by a checklist to the users that checklist reaches, by its audience', () => {
    const member = earnableFor({ role: 'member' });
    expect(member(trigger({ type: 'checklistItem', checklistId: 'member-onboarding' }))).toBe(true);
    expect(member(trigger({ type: 'checklistItem', checklistId: 'admin-onboarding' }))).toBe(false);
    expect(member(trigger({ type: 'checklistComplete', checklistId: 'admin-onboarding' }))).toBe(false);
    expect(earnableFor({ role: 'admin' })(trigger({ type: 'checklistComplete', checklistId: 'admin-onboarding' }))).toBe(true);
  });

  it('needs the named item in the checklist, and the checklist live and not over', () => {
    const admin = earnableFor({ role: 'admin' });
    expect(admin(trigger({ type: 'checklistItem', checklistId: 'admin-onboarding', itemId: 'invite' }))).toBe(true);
    expect(admin(trigger({ type: 'checklistItem', checklistId: 'admin-onboarding', itemId: 'no-such-item' }))).toBe(false);
    expect(admin(trigger({ type: 'checklistComplete', checklistId: 'retired' }))).toBe(false);
    expect(admin(trigger({ type: 'checklistComplete', checklistId: 'over' }))).toBe(false);
    expect(admin(trigger({ type: 'checklistComplete', checklistId: 'missing' }))).toBe(false);
  });

  it('takes any prompt of the kind for a trigger that names none, and leaves event rules to their own audience', () => {
    const visitor = earnableTriggers(
      prompts.filter((p) => p.audience),
      facts({ prompts, traits: {} }),
      NOW,
    );
    expect(visitor(trigger({ type: 'checklistComplete' }))).toBe(false);
    expect(visitor(trigger({ type: 'surveyAnswered' }))).toBe(false);
    expect(earnableFor({ role: 'member' })(trigger({ type: 'checklistComplete' }))).toBe(true);
    expect(earnableFor({ role: 'member' })(trigger({ type: 'surveyAnswered', surveyId: 'admin-nps' }))).toBe(false);
    expect(earnableFor({ role: 'admin' })(trigger({ type: 'surveyAnswered' }))).toBe(true);
    expect(visitor(trigger({ type: 'event', event: 'report_exported' }))).toBe(true);
  });
});
