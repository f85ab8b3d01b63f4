import { computed, signal } from '@preact/signals';
import { onSessionEnded, setCredentials } from '../api/client.js';
import { currentSession, signIn as apiSignIn, signOut as apiSignOut, type SessionInfo } from '../api/session.js';

/** `undefined` while the first check runs, `null` when signed out. */
export const session = signal<SessionInfo | null | undefined>(undefined);
export const projectId = signal('');
export const project = computed(() => session.value?.projects.find((p) => p.id === projectId.value) ?? null);
/** The person's role in the current project; the collector enforces it, the console hides what it would refuse. */
export const role = computed(() => project.value?.role ?? 'viewer');
export const canEdit = computed(() => role.value !== 'viewer');
export const isOwner = computed(() => role.value === 'owner');

function start(info: SessionInfo): void {
  const first = info.projects[0]?.id ?? '';
  projectId.value = info.projects.some((p) => p.id === projectId.value) ? projectId.value : first;
  setCredentials(info.csrfToken, projectId.value);
  session.value = info;
}

export function chooseProject(id: string): void {
  projectId.value = id;
  setCredentials(session.value?.csrfToken ?? '', id);
}

export async function restoreSession(): Promise<void> {
  try {
    start(await currentSession());
  } catch {
    session.value = null;
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  start(await apiSignIn(email, password));
}

/** Starts the console with a session made elsewhere (accepting an invitation). */
export const startSession = start;

/** Signs out here and, after single sign-on, at the identity provider too (the browser goes there). */
export async function signOut(): Promise<void> {
  const endSessionUrl = await apiSignOut().catch(() => null);
  setCredentials('', '');
  session.value = null;
  if (endSessionUrl) location.assign(endSessionUrl);
}

// An expired session shows the sign-in page instead of errors on every panel.
onSessionEnded(() => {
  setCredentials('', '');
  session.value = null;
});
