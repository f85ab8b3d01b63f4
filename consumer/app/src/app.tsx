// A customer's React app using @hearth/react as installed from npm (built and driven by consumer/run.ts).
import { HearthMount, HearthProvider, useHearth, type HearthUser } from '@hearth/react';
import { useEffect, useState } from 'react';

export interface AppProps {
  /** The collector's origin. */
  apiHost: string;
  path: string;
  /** Who signs in with the Sign in button; the token is what the app's backend would mint. */
  account?: { id: string; token: string };
}

function Dashboard() {
  const hearth = useHearth();
  return (
    <main>
      <h1>Dashboard</h1>
      <button type="button" onClick={() => hearth.track('report_exported', { format: 'pdf' })}>
        Export report
      </button>
      <HearthMount kind="checklist" />
      <aside aria-label="Your points">
        <HearthMount kind="rewards" />
      </aside>
    </main>
  );
}

function Settings() {
  const hearth = useHearth();
  useEffect(() => hearth.track('settings_opened'), [hearth]);
  return (
    <main>
      <h1>Settings</h1>
    </main>
  );
}

export function App({ apiHost, path: firstPath, account }: AppProps) {
  const [path, setPath] = useState(firstPath);
  const [user, setUser] = useState<HearthUser | null>(null);
  useEffect(() => {
    const back = () => setPath(window.location.pathname);
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  const go = (next: string) => {
    window.history.pushState(null, '', next + window.location.search);
    setPath(next);
  };
  return (
    <HearthProvider options={{ projectKey: 'pk_acme_public_key', apiHost }} user={user}>
      <nav>
        <button type="button" onClick={() => go('/')}>
          Dashboard
        </button>
        <button type="button" onClick={() => go('/settings')}>
          Settings
        </button>
        {account && !user && (
          <button type="button" onClick={() => setUser(account)}>
            Sign in
          </button>
        )}
        {user && (
          <button type="button" onClick={() => setUser(null)}>
            Sign out
          </button>
        )}
      </nav>
      {path === '/settings' ? <Settings /> : <Dashboard />}
    </HearthProvider>
  );
}
