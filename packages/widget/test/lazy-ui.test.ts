import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeEnv } from './fake-env.js';
import { checklistFixture, withDone } from '../src/widgets/checklist/fixtures.js';
import { createHearthWith, type HearthHandle } from '../src/core/hearth.js';

// Spy on the lazy controller chunk to see whether (and with what) the core loaded it.
const created = vi.hoisted(() => vi.fn());
vi.mock('../src/runtime/controller/index.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/runtime/controller/index.js')>();
  return { ...actual, createController: created.mockImplementation(actual.createController) };
});

let hearth: HearthHandle | undefined;
beforeEach(() => void created.mockClear());
afterEach(() => {
  hearth?.destroy();
  document.body.replaceChildren();
});

function setup(prompts: unknown[], prepare?: (fake: ReturnType<typeof createFakeEnv>) => void) {
  const fake = createFakeEnv();
  let current = prompts;
  fake.respondState(() => Response.json({ prompts: current }));
  prepare?.(fake);
  hearth = createHearthWith(fake.env);
  hearth('init', {
    projectKey: 'pk_test_1234',
    apiHost: 'https://c.test',
    trackPages: false,
    flushInterval: 10,
    launcher: { corner: 'bottom-left' },
  });
  return { fake, hearth, setPrompts: (next: unknown[]) => (current = next) };
}

const card = () => document.querySelector('hearth-root')?.shadowRoot ?? null;

describe('lazy UI', () => {
  it('loads no UI code while the state has no prompts', async () => {
    const { fake } = setup([]);
    await vi.waitFor(() => expect(fake.stateCalls).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(created).not.toHaveBeenCalled();
  });

  it('preloads the UI for an inline mount point before the state arrives', async () => {
    setup([], (fake) => (fake.state.mountPoint = true));
    await vi.waitFor(() => expect(created).toHaveBeenCalledTimes(1));
  });

  it('shows the checklist from the state, ticks it after a tracked event is acknowledged, and clears it on reset', async () => {
    const checklist = checklistFixture();
    const { hearth, setPrompts, fake } = setup([checklist]);
    await vi.waitFor(() => expect(card()?.querySelector('.count')?.textContent).toBe('1 of 3'));
    expect(created).toHaveBeenCalledWith(expect.objectContaining({ corner: 'bottom-left', path: '/' }));
    expect(card()?.querySelector('.float')?.getAttribute('data-corner')).toBe('bottom-left');
    // The widget's own events go through the normal pipeline.
    await vi.waitFor(() => expect(fake.sentEvents().map((e) => e.name)).toContain('$prompt_shown'));

    setPrompts([withDone(checklist, { invite: true })]);
    hearth('track', 'invite_sent');
    await vi.waitFor(() => expect(card()?.querySelector('.count')?.textContent).toBe('2 of 3'));

    setPrompts([]);
    hearth('reset');
    await vi.waitFor(() => expect(document.querySelector('hearth-root')).toBeNull());
  });

  it('forwards events tracked before the UI arrived to event triggers', async () => {
    const checklist = checklistFixture({ triggers: [{ type: 'event', name: 'report_viewed' }] });
    const { hearth } = setup([checklist]);
    hearth('track', 'report_viewed');
    await vi.waitFor(() => expect(card()?.querySelector('.count')?.textContent).toBe('1 of 3'));
  });
});
