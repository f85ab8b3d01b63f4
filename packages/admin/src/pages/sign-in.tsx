import { useState } from 'preact/hooks';
import { TextField } from '../components/field.js';
import { signIn } from '../models/session.js';

export function SignInPage() {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
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
      <h1>Hearth admin</h1>
      <form onSubmit={submit}>
        <TextField id="password" label="Admin password" type="password" value={password} error={error || undefined} onInput={setPassword} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
