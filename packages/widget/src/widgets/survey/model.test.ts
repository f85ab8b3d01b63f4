import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../runtime/index.js';
import { en } from '../../runtime/i18n/en.js';
import { cliContent, surveyFixture } from './fixtures.js';
import { createSurveyModel, EVENTS, THANKS_MS, type SurveyModelOptions } from './model.js';

function setup(options: Partial<SurveyModelOptions> = {}) {
  const track = vi.fn();
  const onResponse = vi.fn();
  const onHide = vi.fn();
  const model = createSurveyModel({ survey: surveyFixture(), i18n: createI18n('en', en), track, onResponse, onHide, ...options });
  return { model, track, onResponse, onHide };
}
const event = { promptId: 'nps-q2', kind: 'survey', cycle: 1 };

afterEach(() => {
  vi.useRealTimers();
});

describe('survey model', () => {
  it('asks the standard NPS question with the product filled in', () => {
    const { model } = setup();
    expect(model.questions.value).toEqual([{ id: 'nps', text: 'How likely are you to recommend Acme Projects to a friend or colleague?' }]);
    expect(model.labels.value).toEqual(['Not at all likely', 'Extremely likely']);
    expect([model.min, model.max]).toEqual([0, 10]);
  });

  it('saves the score the moment it is chosen, then the comment with the same answer', () => {
    const { model, onResponse, track } = setup();
    model.actions.choose(3);
    expect(onResponse).toHaveBeenCalledWith({ surveyId: 'nps-q2', cycle: 1, answer: { type: 'nps', score: 3 }, locale: 'en' });
    expect(track).toHaveBeenCalledWith(EVENTS.completed, event);
    expect(model.step.value).toBe('comment');
    model.actions.send('  Exports are slow  ');
    expect(onResponse).toHaveBeenLastCalledWith({
      surveyId: 'nps-q2',
      cycle: 1,
      answer: { type: 'nps', score: 3 },
      locale: 'en',
      comment: 'Exports are slow',
    });
    expect(model.step.value).toBe('thanks');
  });

  it("asks the follow-up of the chosen score's group, personalized, else the generic one", () => {
    const detractor = setup({ traits: { firstName: 'Ola' } }).model;
    detractor.actions.choose(6);
    expect(detractor.followUp.value).toBe('Sorry to hear that, Ola. What should we fix first?');
    const promoter = setup().model;
    promoter.actions.choose(9);
    expect(promoter.followUp.value).toBe('What do you love most?');
    const passive = setup().model;
    passive.actions.choose(7);
    expect(passive.followUp.value).toBe('What is the main reason for your score?');
  });

  it('ignores scores off the scale and a second choice', () => {
    const { model, onResponse } = setup();
    model.actions.choose(11);
    model.actions.choose(-1);
    model.actions.choose(2.5);
    expect(onResponse).not.toHaveBeenCalled();
    model.actions.choose(10);
    model.actions.choose(0);
    expect(onResponse).toHaveBeenCalledTimes(1);
  });

  it('sends no comment when it is empty, and hides after the thank-you', () => {
    vi.useFakeTimers();
    const { model, onResponse, onHide } = setup();
    model.actions.choose(8);
    model.actions.send('   ');
    expect(onResponse).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(THANKS_MS - 1);
    expect(onHide).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onHide).toHaveBeenCalledTimes(1);
    expect(model.visible.value).toBe(false);
  });

  it('walks CLI questions 1–10, saving the scores so far each time', () => {
    const { model, onResponse } = setup({ survey: surveyFixture({}, cliContent) });
    expect([model.min, model.max]).toEqual([1, 10]);
    model.actions.choose(0);
    expect(onResponse).not.toHaveBeenCalled();
    model.actions.choose(8);
    model.actions.choose(6);
    expect(model.index.value).toBe(2);
    expect(onResponse).toHaveBeenLastCalledWith(expect.objectContaining({ answer: { type: 'cli', scores: { quality: 8, support: 6 } } }));
    model.actions.choose(9);
    expect(onResponse).toHaveBeenLastCalledWith(
      expect.objectContaining({ answer: { type: 'cli', scores: { quality: 8, support: 6, overall: 9 } } }),
    );
    // No follow-up configured: straight to thanks.
    expect(model.step.value).toBe('thanks');
  });

  it('rates CSAT 1–5 with satisfaction labels', () => {
    const { model, onResponse } = setup({
      survey: surveyFixture({}, { type: 'csat', question: 'How was your export?', followUp: undefined }),
    });
    expect(model.labels.value).toEqual(['Very dissatisfied', 'Very satisfied']);
    model.actions.choose(6);
    expect(onResponse).not.toHaveBeenCalled();
    model.actions.choose(5);
    expect(onResponse).toHaveBeenCalledWith(expect.objectContaining({ answer: { type: 'csat', score: 5 } }));
  });

  it('snoozes ("ask me later") and dismisses with their events, each hiding it', () => {
    const snoozed = setup();
    snoozed.model.actions.snooze();
    expect(snoozed.track).toHaveBeenCalledWith(EVENTS.snoozed, event);
    expect(snoozed.onHide).toHaveBeenCalledTimes(1);
    const dismissed = setup();
    dismissed.model.actions.close();
    expect(dismissed.track).toHaveBeenCalledWith(EVENTS.dismissed, event);
    expect(dismissed.onHide).toHaveBeenCalledTimes(1);
  });

  it('closing after an answer is not a dismissal', () => {
    const { model, track, onHide } = setup();
    model.actions.choose(4);
    model.actions.close();
    expect(track).not.toHaveBeenCalledWith(EVENTS.dismissed, event);
    expect(onHide).toHaveBeenCalledTimes(1);
  });

  it('respects a survey that cannot be dismissed or snoozed', () => {
    const { model, track, onHide } = setup({ survey: surveyFixture({ dismissible: false, askLater: false }) });
    model.actions.close();
    model.actions.snooze();
    expect(track).not.toHaveBeenCalled();
    expect(onHide).not.toHaveBeenCalled();
  });
});
