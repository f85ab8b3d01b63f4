import type { UserState } from '@hearth/schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chunks, createChunkLoader } from '../../core/registry.js';
import { checklistFixture, withDone } from '../../widgets/checklist/fixtures.js';
import { createController, type ControllerOptions } from './index.js';

const checklist = checklistFixture();
const stateWith = (...prompts: UserState['prompts']): UserState => ({ prompts });

let active: ReturnType<typeof createController> | undefined;
afterEach(() => {
  active?.destroy();
  document.body.replaceChildren();
});

function setup(options: Partial<ControllerOptions> = {}) {
  const load = vi.fn(createChunkLoader(chunks)) as unknown as ControllerOptions['load'] & ReturnType<typeof vi.fn>;
  const track = vi.fn();
  const controller = createController({ load, track, post: vi.fn(), path: '/', ...options });
  active = controller;
  return { controller, load, track };
}

function inlineMountPoint() {
  const container = document.createElement('div');
  container.dataset.hearth = 'checklist';
  document.body.append(container);
  return container;
}

const floatingRoot = () => document.querySelector('hearth-root')?.shadowRoot ?? null;
const count = (root: ShadowRoot | null | undefined) => root?.querySelector('.count')?.textContent;

describe('prompt controller', () => {
  it('mounts a checklist from the state in the floating launcher, in the configured corner and theme', async () => {
    const { controller, track } = setup({ corner: 'top-left', theme: { brandColor: 'rebeccapurple' } });
    controller.update(stateWith(checklist));
    await vi.waitFor(() => expect(count(floatingRoot())).toBe('1 of 3'));
    const root = floatingRoot()!;
    expect(root.querySelector('.float')?.getAttribute('data-corner')).toBe('top-left');
    expect((root.querySelector('.root') as HTMLElement).style.getPropertyValue('--hearth-config-brand')).toBe('rebeccapurple');
    expect(track).toHaveBeenCalledWith('$prompt_shown', { promptId: 'getting-started', kind: 'checklist' });
  });

  it("applies the project theme from the state, with the host's init theme winning field by field", async () => {
    const { controller } = setup({ theme: { brandColor: '#111111' } });
    controller.update({ ...stateWith(checklist), theme: { brandColor: '#ff6600', radius: 20, mode: 'dark' } });
    await vi.waitFor(() => expect(count(floatingRoot())).toBe('1 of 3'));
    const root = floatingRoot()!.querySelector('.root') as HTMLElement;
    expect(root.style.getPropertyValue('--hearth-config-brand')).toBe('#111111');
    expect(root.style.getPropertyValue('--hearth-config-radius')).toBe('20px');
    expect(root.getAttribute('data-mode')).toBe('dark');
  });

  it('prefers an inline [data-hearth="checklist"] mount point', async () => {
    const container = inlineMountPoint();
    setup().controller.update(stateWith(checklist));
    await vi.waitFor(() => expect(count(container.shadowRoot)).toBe('1 of 3'));
    expect(document.querySelector('hearth-root')).toBeNull();
  });

  it('ticks items on later states without remounting, and unmounts when the prompt is gone', async () => {
    const container = inlineMountPoint();
    const { controller, load } = setup();
    controller.update(stateWith(checklist));
    await vi.waitFor(() => expect(count(container.shadowRoot)).toBe('1 of 3'));
    const list = container.shadowRoot!.querySelector('ol');
    controller.update(stateWith(withDone(checklist, { invite: true })));
    await vi.waitFor(() => expect(count(container.shadowRoot)).toBe('2 of 3'));
    expect(container.shadowRoot!.querySelector('ol')).toBe(list);
    expect(load.mock.calls.filter(([name]) => name === 'checklist')).toHaveLength(2); // preload + mount, one import
    controller.update(stateWith());
    await vi.waitFor(() => expect(container.shadowRoot!.childNodes).toHaveLength(0));
  });

  it('applies a state that arrives while the widget is still loading', async () => {
    const container = inlineMountPoint();
    const { controller } = setup();
    controller.update(stateWith(checklist));
    controller.update(stateWith(withDone(checklist, { invite: true, tour: true })));
    await vi.waitFor(() => expect(count(container.shadowRoot)).toBe('3 of 3'));
  });

  it('does not mount a prompt removed before it finished loading', async () => {
    const { controller } = setup();
    controller.update(stateWith(checklist));
    controller.update(stateWith());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.querySelector('hearth-root')).toBeNull();
  });

  it('waits for a prompt’s trigger: an event, or a URL reached by SPA navigation', async () => {
    const { controller } = setup();
    const onEvent = checklistFixture({ id: 'on-event', triggers: [{ type: 'event', name: 'report_viewed' }] });
    controller.update(stateWith(onEvent));
    controller.event('something_else');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(floatingRoot()).toBeNull();
    controller.event('report_viewed');
    await vi.waitFor(() => expect(count(floatingRoot())).toBe('1 of 3'));

    controller.update(stateWith());
    const onUrl = checklistFixture({ id: 'on-url', triggers: [{ type: 'url', match: 'glob', pattern: '/reports/**' }] });
    controller.update(stateWith(onUrl));
    await vi.waitFor(() => expect(floatingRoot()).toBeNull());
    controller.navigate('/reports/2025/q1');
    await vi.waitFor(() => expect(count(floatingRoot())).toBe('1 of 3'));
  });

  it('shows one checklist at a time, the next when the first is gone', async () => {
    const container = inlineMountPoint();
    const { controller } = setup();
    const second = checklistFixture({ id: 'second', title: 'Second list' });
    controller.update(stateWith(checklist, second));
    await vi.waitFor(() => expect(count(container.shadowRoot)).toBe('1 of 3'));
    expect(container.shadowRoot!.querySelector('h2')?.textContent).toBe('Get started, there');
    controller.update(stateWith(second));
    await vi.waitFor(() => expect(container.shadowRoot!.querySelector('h2')?.textContent).toBe('Second list'));
  });

  it('moves the checklist into a mount point a single-page app renders again (a route that comes back)', async () => {
    const { controller } = setup();
    controller.update(stateWith(checklist));
    const first = inlineMountPoint();
    await vi.waitFor(() => expect(count(first.shadowRoot)).toBe('1 of 3'));
    first.remove();
    const back = inlineMountPoint();
    await vi.waitFor(() => expect(count(back.shadowRoot)).toBe('1 of 3'));
    controller.update(stateWith(withDone(checklist, { invite: true })));
    await vi.waitFor(() => expect(count(back.shadowRoot)).toBe('2 of 3'));
    expect(first.shadowRoot!.childNodes).toHaveLength(0);
  });

  it('does not bring back a checklist the user dismissed when a new mount point appears', async () => {
    const { controller } = setup();
    const first = inlineMountPoint();
    controller.update(stateWith(checklist));
    await vi.waitFor(() => expect(count(first.shadowRoot)).toBe('1 of 3'));
    const dismiss = [...first.shadowRoot!.querySelectorAll('button')].find((button) =>
      /dismiss/i.test(button.getAttribute('aria-label') ?? button.textContent ?? ''),
    );
    dismiss!.click();
    await vi.waitFor(() => expect(first.shadowRoot!.childNodes).toHaveLength(0));
    first.remove();
    const back = inlineMountPoint();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(back.shadowRoot).toBeNull();
  });

  it('passes identify traits to a mounted checklist', async () => {
    const container = inlineMountPoint();
    const { controller } = setup();
    controller.update(stateWith(checklist));
    await vi.waitFor(() => expect(count(container.shadowRoot)).toBe('1 of 3'));
    controller.setContext({ traits: { firstName: 'Aisha' } });
    await vi.waitFor(() => expect(container.shadowRoot!.querySelector('h2')?.textContent).toBe('Get started, Aisha'));
  });
});
