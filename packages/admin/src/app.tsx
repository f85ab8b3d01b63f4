import { useEffect } from 'preact/hooks';
import { restoreSession, session } from './models/session.js';
import { SignInPage } from './pages/sign-in.js';
import { ConsoleShell } from './shell/console-shell.js';

export function App() {
  useEffect(() => void restoreSession(), []);
  const info = session.value;
  if (info === undefined) return <p aria-busy="true">Loading…</p>;
  if (info === null) return <SignInPage />;
  return <ConsoleShell />;
}
