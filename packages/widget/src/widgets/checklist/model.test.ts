import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../../runtime/index.js';
import { en } from '../../runtime/i18n/en.js';
import { checklistFixture, withDone } from './fixtures.js';
import { CELEBRATION_MS, createChecklistModel, EVENTS, type ChecklistModelOptions } from './model.js';

function setup(options: Partial<ChecklistModelOptions> = {}) {
  const track = vi.fn();
  const onHide = vi.fn();
  const model = createChecklistModel({ checklist: checklistFixture(), i18n: createI18n('en', en), track, onHide, ...options });
  return { model, track, onHide };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('checklist model', () => {
  it('counts done items and personalizes texts from traits', () => {
    const { model } = setup({ traits: { firstName: 'Ola' } });
    expect([model.done.value, model.total.value]).toEqual([1, 3]);
    expect(model.title.value).toBe('Get started, Ola');
    model.actions.setContext({ traits: {} });
    expect(model.title.value).toBe('Get started, there');
  });

  it('reports an item completed only when it turns done on screen', () => {
    const { model, track } = setup();
    model.actions.update(withDone(checklistFixture(), { invite: true }));
    expect(track).toHaveBeenCalledTimes(1);
    expect(track).toHaveBeenCalledWith(EVENTS.itemCompleted, { promptId: 'getting-started', itemId: 'invite' });
    expect(model.done.value).toBe(2);
  });

  it('completes when required items are done and optional ones skipped, celebrating once', () => {
    const { model, track } = setup();
    model.actions.update(withDone(checklistFixture(), { invite: true }));
    expect(model.complete.value).toBe(false);
    model.actions.skip('tour');
    expect(track).toHaveBeenCalledWith(EVENTS.itemSkipped, { promptId: 'getting-started', itemId: 'tour' });
    expect(track).toHaveBeenCalledWith(EVENTS.completed, { promptId: 'getting-started', kind: 'checklist' });
    expect(model.celebrating.value).toBe(true);
    model.actions.update(withDone(checklistFixture(), { invite: true }));
    expect(track.mock.calls.filter(([name]) => name === EVENTS.completed)).toHaveLength(1);
  });

  it('keeps a local skip through a refresh that predates it, and refuses to skip required items', () => {
    const { model, track } = setup();
    model.actions.skip('invite');
    expect(track).not.toHaveBeenCalled();
    model.actions.skip('tour');
    model.actions.update(checklistFixture());
    expect(model.items.value.find((item) => item.id === 'tour')?.skipped).toBe(true);
  });

  it('tracks the host event of an event action', () => {
    const { model, track } = setup();
    model.actions.run('invite');
    model.actions.run('profile');
    expect(track.mock.calls).toEqual([['invite_opened']]);
  });

  it('dismisses once, reporting it and asking the core to hide', () => {
    const { model, track, onHide } = setup();
    model.actions.dismiss();
    model.actions.dismiss();
    expect(model.visible.value).toBe(false);
    expect(track.mock.calls).toEqual([[EVENTS.dismissed, { promptId: 'getting-started', kind: 'checklist' }]]);
    expect(onHide).toHaveBeenCalledTimes(1);
  });

  it('ignores dismiss when the checklist is not dismissible', () => {
    const { model, track } = setup({ checklist: checklistFixture({ dismissible: false }) });
    model.actions.dismiss();
    expect(model.visible.value).toBe(true);
    expect(track).not.toHaveBeenCalled();
  });

  it('hides a hideWhenComplete checklist after the celebration', () => {
    vi.useFakeTimers();
    const { model, onHide } = setup({ checklist: checklistFixture({ hideWhenComplete: true }) });
    model.actions.update(withDone(checklistFixture({ hideWhenComplete: true }), { invite: true, tour: true }));
    vi.advanceTimersByTime(CELEBRATION_MS - 1);
    expect(model.visible.value).toBe(true);
    vi.advanceTimersByTime(1);
    expect(model.visible.value).toBe(false);
    expect(onHide).toHaveBeenCalledTimes(1);
  });

  it('starts hidden when a hideWhenComplete checklist is already complete', () => {
    const complete = withDone(checklistFixture({ hideWhenComplete: true }), { invite: true, tour: true });
    expect(setup({ checklist: complete }).model.visible.value).toBe(false);
    expect(setup({ checklist: { ...complete, hideWhenComplete: false } }).model.visible.value).toBe(true);
  });

  it('minimizes and restores', () => {
    const { model } = setup();
    model.actions.toggleMinimized();
    expect(model.minimized.value).toBe(true);
    model.actions.toggleMinimized();
    expect(model.minimized.value).toBe(false);
  });
});
