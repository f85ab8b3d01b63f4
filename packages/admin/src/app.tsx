import { useEffect } from 'preact/hooks';
import { restoreSession, session } from './models/session.js';
import { SignInPage } from './pages/sign-in.js';
import { InvitePage } from './pages/team/invite-page.js';
import { route } from './router.js';
import { ConsoleShell } from './shell/console-shell.js';

export function App() {
  useEffect(() => void restoreSession(), []);
  const info = session.value;
  // An invitation link works signed in or not: it is about someone else's account.
  if (route.value === 'invite') return <InvitePage />;
  if (info === undefined) return <p aria-busy="true">Loading…</p>;
  if (info === null) return <SignInPage />;
  return <ConsoleShell />;
}
