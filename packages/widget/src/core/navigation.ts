import type { Env } from './env.js';

type HistoryMethod = 'pushState' | 'replaceState';

/**
 * Calls `onChange` after SPA navigations (history.pushState/replaceState, popstate, hashchange).
 * The check runs on the next task so the router has had a chance to update `document.title`.
 * Returns a teardown that restores the original history methods — unless someone patched them
 * after us, in which case our wrapper stays in their chain but goes inert.
 */
export function watchNavigation(env: Env, onChange: () => void): () => void {
  let active = true;
  const check = () => env.setTimeout(() => active && onChange(), 0);
  const history = env.history;
  const restore: Array<() => void> = [];

  for (const method of ['pushState', 'replaceState'] as HistoryMethod[]) {
    if (!history) break;
    const original = history[method];
    const wrapper = function (this: History, ...args: Parameters<History[HistoryMethod]>) {
      const result = original.apply(this, args);
      check();
      return result;
    };
    history[method] = wrapper;
    restore.push(() => {
      if (history[method] === wrapper) history[method] = original;
    });
  }
  const unlisten = [env.listen('popstate', check), env.listen('hashchange', check)];

  return () => {
    active = false;
    restore.forEach((undo) => undo());
    unlisten.forEach((off) => off());
  };
}
