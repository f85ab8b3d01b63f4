import type { Trigger } from '@hearth/schema';

type UrlTrigger = Extract<Trigger, { type: 'url' }>;

const escapeRegExp = (text: string) => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/**
 * Glob over a URL path, matched in full: `*` stays within one segment, `**` spans segments.
 * `/projects/*` matches `/projects/42` but not `/projects/42/settings`; `/projects/**` matches both.
 */
export function globToRegExp(glob: string): RegExp {
  const source = glob
    .split('**')
    .map((part) => part.split('*').map(escapeRegExp).join('[^/]*'))
    .join('.*');
  return new RegExp(`^${source}$`);
}

export function urlMatches(trigger: UrlTrigger, path: string): boolean {
  try {
    return (trigger.match === 'regex' ? new RegExp(trigger.pattern) : globToRegExp(trigger.pattern)).test(path);
  } catch {
    // The schema validates patterns; a bad one from an older config simply never matches.
    return false;
  }
}

export interface TriggerWatch {
  /** The controller counted an event (counts are per page session, shared by all prompts). */
  event(name: string): void;
  /** SPA navigation: URL triggers re-check, delays restart on the new page. */
  navigate(path: string): void;
  stop(): void;
}

/**
 * Arms one prompt's triggers; `fire` runs once, when the first of them fires:
 * `load` at once, `event` when `counts` reaches `minCount` (events before the prompt arrived count),
 * `url` when the path matches (now or after a navigation), `delay` after `ms` on the current page.
 */
export function watchTriggers(
  triggers: readonly Trigger[],
  path: string,
  counts: ReadonlyMap<string, number>,
  fire: () => void,
): TriggerWatch {
  let armed = true;
  let timers: Array<ReturnType<typeof setTimeout>> = [];

  const clearDelays = () => {
    timers.forEach((timer) => clearTimeout(timer));
    timers = [];
  };
  const once = () => {
    if (!armed) return;
    armed = false;
    clearDelays();
    fire();
  };
  const check = (current: string) => {
    const met = triggers.some(
      (t) =>
        t.type === 'load' ||
        (t.type === 'url' && urlMatches(t, current)) ||
        (t.type === 'event' && (counts.get(t.name) ?? 0) >= (t.minCount ?? 1)),
    );
    if (met) once();
  };
  const startDelays = () => {
    clearDelays();
    for (const t of triggers) if (t.type === 'delay' && armed) timers.push(setTimeout(once, t.ms));
  };

  check(path);
  startDelays();
  return {
    event: () => armed && check(path),
    navigate(next) {
      path = next;
      if (!armed) return;
      startDelays();
      check(next);
    },
    stop() {
      armed = false;
      clearDelays();
    },
  };
}
