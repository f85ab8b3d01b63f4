import { signal } from '@preact/signals';

/** The console lives under /admin/; routes are the rest of the path, e.g. `prompts/checklist/onboarding`. */
const BASE = '/admin/';
const current = () => (location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '');

export const route = signal(current());

export function navigate(to: string): void {
  history.pushState(null, '', BASE + to);
  route.value = to;
}

export const href = (to: string) => BASE + to;

addEventListener('popstate', () => {
  route.value = current();
});
