import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunks, createChunkLoader } from '../../core/registry.js';
import type { Post } from '../../core/transport.js';
import { surveyFixture } from '../../widgets/survey/fixtures.js';
import { createController, type ControllerOptions } from './index.js';

let active: ReturnType<typeof createController> | undefined;
afterEach(() => {
  active?.destroy();
  document.body.replaceChildren();
});

function setup() {
  const load = vi.fn(createChunkLoader(chunks)) as unknown as ControllerOptions['load'];
  const post = vi.fn<Post>(() => Promise.resolve(null));
  const track = vi.fn();
  active = createController({ load, track, post, path: '/' });
  return { controller: active, post, track, load };
}
const root = () => document.querySelector('hearth-root')?.shadowRoot ?? null;

describe('prompt controller (surveys)', () => {
  it('loads the survey chunk, mounts it, and posts chosen scores through the core', async () => {
    const { controller, post, load } = setup();
    controller.update({ prompts: [surveyFixture()] });
    await vi.waitFor(() => expect(root()?.querySelectorAll('[role=radio]')).toHaveLength(11));
    expect(load).toHaveBeenCalledWith('survey');
    root()!.querySelector<HTMLElement>('[data-score="3"]')!.click();
    expect(post).toHaveBeenCalledWith('/v1/responses', { surveyId: 'nps-q2', cycle: 1, answer: { type: 'nps', score: 3 }, locale: 'en' });
  });

  it('keeps the survey on screen when a refresh no longer lists it (its display was stored)', async () => {
    const { controller } = setup();
    controller.update({ prompts: [surveyFixture()] });
    await vi.waitFor(() => expect(root()?.querySelector('[role=radiogroup]')).toBeTruthy());
    controller.update({ prompts: [] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root()?.querySelector('[role=radiogroup]')).toBeTruthy();
  });

  it('waits for the trigger: an event survey shows after the third export', async () => {
    const { controller } = setup();
    controller.update({ prompts: [surveyFixture({ triggers: [{ type: 'event', name: 'report_exported', minCount: 3 }] })] });
    controller.event('report_exported');
    controller.event('report_exported');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.querySelector('hearth-root')).toBeNull();
    controller.event('report_exported');
    await vi.waitFor(() => expect(root()?.querySelector('[role=radiogroup]')).toBeTruthy());
  });

  it('shows at most one survey on a page: another one listed with it waits, even after the first is closed', async () => {
    const { controller, track } = setup();
    const second = surveyFixture({ id: 'csat-checkout' }, { type: 'csat', question: 'How was checkout?' });
    controller.update({ prompts: [surveyFixture(), second] });
    await vi.waitFor(() => expect(root()?.querySelector('[role=radiogroup]')).toBeTruthy());
    root()!.querySelector<HTMLElement>('.icon-btn')!.click();
    await vi.waitFor(() => expect(track).toHaveBeenCalledWith('$prompt_dismissed', expect.objectContaining({ promptId: 'nps-q2' })));
    // A refresh that still lists the second survey (its answer was computed before the first's display arrived).
    controller.update({ prompts: [second] });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(track).not.toHaveBeenCalledWith('$prompt_shown', expect.objectContaining({ promptId: 'csat-checkout' }));
    expect(root()?.textContent ?? '').not.toContain('How was checkout?');
  });
});
