import type { UserState } from '@hearth/schema';
import type { CommandContext } from '../runtime/commands.js';
import type { Controller, ControllerOptions } from '../runtime/controller/index.js';
import { chunks, createChunkLoader } from './registry.js';
import type { EventBody } from './events.js';
import type { Properties } from './types.js';

/** Events tracked before the UI arrives still count for event triggers; bounded, like every queue here. */
const MAX_EARLY_EVENTS = 50;

export interface Ui {
  /** A fresh `/v1/state`: loads the UI when there is a prompt, an announcement or rewards to show (or `preload`). */
  show(state: UserState): void;
  /** Starts loading the UI before any state arrives (the page has a `[data-hearth]` mount point). */
  preload(): void;
  event(name: string): void;
  navigate(path: string): void;
  context(context: { traits?: Properties }): void;
  /** A command the core does not run itself (`group`): checked in its lazy chunk, which returns the event to record. */
  command(name: string, args: unknown[], context: CommandContext): Promise<EventBody>;
  destroy(): void;
}

/**
 * The core's side of the lazy UI: it loads the controller chunk on first need and forwards state,
 * tracked events and navigations to it. Everything about prompts (triggers, mounting) lives there.
 */
export function createUi(options: () => Omit<ControllerOptions, 'load'>, onError: (error: unknown) => void): Ui {
  const load = createChunkLoader(chunks);
  let controller: Controller | undefined;
  let loading = false;
  let latest: UserState | undefined;
  const early: string[] = [];

  const ensure = () => {
    if (loading) return;
    loading = true;
    load('ui')
      .then((ui) => {
        const created = ui.createController({ ...options(), load });
        for (const name of early.splice(0)) created.event(name);
        if (latest) created.update(latest);
        controller = created;
      })
      .catch((error: unknown) => {
        // Offline or a broken deploy: the next state refresh with prompts tries again.
        loading = false;
        onError(error);
      });
  };

  return {
    show(state) {
      latest = state;
      if (controller) controller.update(state);
      else if (state.prompts.length || state.announcements?.items.length || state.rewards) ensure();
    },
    preload: ensure,
    event(name) {
      if (controller) controller.event(name);
      else if (early.length < MAX_EARLY_EVENTS) early.push(name);
    },
    navigate: (path) => controller?.navigate(path),
    context: (context) => controller?.setContext(context),
    command: (...args) => load('commands').then((chunk) => chunk.command(...args)),
    destroy: () => controller?.destroy(),
  };
}
