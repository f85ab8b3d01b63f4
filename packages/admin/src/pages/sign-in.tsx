import { useEffect, useState } from 'preact/hooks';
import { TextField } from '../components/field.js';
import { signIn } from '../models/session.js';

export function SignInPage() {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Hearth admin';
  }, []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signIn(password);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main id="main" class="sign-in">
      <form class="card" onSubmit={submit}>
        <h1>Hearth admin</h1>
        <p class="hint">Sign in to manage prompts, rewards and the people they reach.</p>
        <TextField id="password" label="Admin password" type="password" value={password} error={error || undefined} onInput={setPassword} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
