import { signal } from '@preact/signals';

/** The console lives under /admin/; routes are the rest of the path, e.g. `prompts/checklist/onboarding`. */
const BASE = '/admin/';
const current = () => (location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : '');

export const route = signal(current());

/** Set by an editor with unsaved changes: leaving asks first. Returns the question, or null when nothing would be lost. */
let leaveGuard: (() => string | null) | null = null;

export function setLeaveGuard(guard: (() => string | null) | null): void {
  leaveGuard = guard;
}

const mayLeave = () => {
  const question = leaveGuard?.();
  return !question || confirm(question);
};

export function navigate(to: string): void {
  if (to !== route.value && !mayLeave()) return;
  leaveGuard = null;
  history.pushState(null, '', BASE + to);
  route.value = to;
}

export const href = (to: string) => BASE + to;

addEventListener('popstate', () => {
  // Back/forward already moved the address: put it back when the person stays.
  if (!mayLeave()) return history.pushState(null, '', BASE + route.value);
  leaveGuard = null;
  route.value = current();
});

// Closing the tab or reloading: the browser asks with its own words.
addEventListener('beforeunload', (event) => {
  if (leaveGuard?.()) event.preventDefault();
});
