import { surveyPromptSchema } from '@hearth/schema';
import { describe, expect, it } from 'vitest';
import { emptyTrigger } from './envelope-draft.js';
import { checkSurveyDraft, draftFromSurvey, newSurveyDraft, surveyTranslatableFields } from './survey-draft.js';

describe('survey form validation (surveyPromptSchema)', () => {
  it('puts each schema error at its field path, including triggers, schedule and cadence', () => {
    const draft = { ...newSurveyDraft('nps'), id: 'nps-q1', product: '' };
    draft.cadence = { ...draft.cadence, reaskAfterDays: '0' };
    draft.envelope = { ...draft.envelope, triggers: [emptyTrigger('event')], startAt: '2026-03-02T10:00', endAt: '2026-03-01T10:00' };
    const { ok, errors } = checkSurveyDraft(draft);
    expect(ok).toBe(false);
    expect(errors['content.product']).toBe('product must not be empty');
    expect(errors['cadence.reaskAfterDays']).toBe('reaskAfterDays must be greater than 0');
    expect(errors['triggers.0.name']).toBeDefined();
    expect(errors['schedule.endAt']).toBe('endAt must be after startAt');
  });

  it('needs 2–4 CLI questions and unique ids; CSAT needs its question', () => {
    const cli = { ...newSurveyDraft('cli'), id: 'loyalty', questions: [{ id: 'q1', text: 'Easy?' }] };
    expect(checkSurveyDraft(cli).errors['content.questions']).toBe('a CLI survey needs 2–4 questions');
    const twins = {
      ...cli,
      questions: [
        { id: 'q1', text: 'Easy?' },
        { id: 'q1', text: 'Fast?' },
      ],
    };
    expect(checkSurveyDraft(twins).errors['content.questions.1.id']).toBe('duplicate question id "q1"');
    expect(checkSurveyDraft({ ...newSurveyDraft('csat'), id: 'csat' }).errors['content.question']).toBe('text must not be empty');
  });

  it('builds per-group follow-ups and translations that round-trip, keeping unshown fields', () => {
    const draft = { ...newSurveyDraft('nps'), id: 'nps', product: 'Acme', followUpPerGroup: true };
    draft.followUpByGroup = { promoter: 'What do you love?', passive: '', detractor: 'What went wrong?' };
    draft.translations = { fr: { 'followUp.detractor': 'Qu’est-ce qui n’a pas marché ?', question: '' } };
    const { ok, prompt } = checkSurveyDraft(draft);
    expect(ok).toBe(true);
    const parsed = surveyPromptSchema.parse({ ...prompt, spread: { type: 'dailyCap', maxPerDay: 50 } });
    expect(parsed.content).toMatchObject({ followUp: { promoter: 'What do you love?', detractor: 'What went wrong?' } });
    expect(parsed.translations).toEqual({ fr: { followUp: { detractor: 'Qu’est-ce qui n’a pas marché ?' } } });
    const again = draftFromSurvey(parsed);
    expect(again.translations.fr).toEqual({ 'followUp.detractor': 'Qu’est-ce qui n’a pas marché ?' });
    expect(checkSurveyDraft(again).prompt.spread).toEqual({ type: 'dailyCap', maxPerDay: 50 });
    expect(surveyTranslatableFields(again).map((f) => f.key)).toContain('followUp.passive');
  });
});
