import { useState } from 'preact/hooks';
import { TextField } from '../components/field.js';
import { signIn } from '../models/session.js';

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await signIn(email, password);
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
        <TextField id="email" label="Email" type="email" value={email} onInput={setEmail} />
        <TextField id="password" label="Password" type="password" value={password} error={error || undefined} onInput={setPassword} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
