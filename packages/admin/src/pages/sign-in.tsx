import { useEffect, useState } from 'preact/hooks';
import { SSO_START_URL, signInOptions } from '../api/session.js';
import { TextField } from '../components/field.js';
import { signIn } from '../models/session.js';

/**
 * Why a single sign-on came back without a session: the collector sends only the code (never text
 * of its own into the page), and the console says it in words.
 */
const SSO_ERRORS: Record<string, string> = {
  sso_no_role:
    'Your identity provider signed you in, but gives you no role in Hearth. Ask your administrator to add you to a group that has a Hearth role.',
  sso_email_unverified: 'Your identity provider did not confirm your email address, so Hearth cannot sign you in with it.',
  sso_email_domain: 'Your email address is not in a domain allowed to sign in to this console.',
  sso_state_mismatch: 'That single sign-on was started in another browser or tab. Start again here.',
  sso_state_used: 'That single sign-on was already used or took too long. Start again.',
  sso_rejected: "The identity provider's answer could not be verified. Start again; if it keeps happening, tell your administrator.",
  sso_unavailable: 'The identity provider could not be reached. Try again in a moment, or sign in with your password.',
  sso_cancelled: 'Single sign-on was cancelled at the identity provider.',
};

/** The `sso_error` the collector redirected back with, removed from the address once read. */
function ssoErrorFromAddress(): string {
  const params = new URLSearchParams(location.search);
  const code = params.get('sso_error');
  if (!code) return '';
  params.delete('sso_error');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}`);
  return SSO_ERRORS[code] ?? 'Single sign-on did not complete. Start again.';
}

export function SignInPage() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [ssoError] = useState(ssoErrorFromAddress);
  const [sso, setSso] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    document.title = 'Sign in · Hearth admin';
    signInOptions()
      .then((options) => setSso(options.sso))
      .catch(() => setSso(false));
  }, []);
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
      <form class="card" onSubmit={submit}>
        <h1>Hearth admin</h1>
        <p class="hint">Sign in to manage prompts, rewards and the people they reach.</p>
        {ssoError && (
          <p class="error" role="alert">
            {ssoError}
          </p>
        )}
        {sso && (
          <p>
            <a class="button" href={SSO_START_URL}>
              Sign in with SSO
            </a>
          </p>
        )}
        <TextField id="email" label="Email" type="email" value={email} onInput={setEmail} />
        <TextField id="password" label="Password" type="password" value={password} error={error || undefined} onInput={setPassword} />
        <button type="submit" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
