import type { InviteOffer } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { acceptInvite, peekInvite } from '../../api/team.js';
import { TextField } from '../../components/field.js';
import { startSession } from '../../models/session.js';
import { navigate } from '../../router.js';

/** The token from the link's fragment (`/admin/invite#<token>`), which never reaches a server log. */
const tokenOf = () => location.hash.slice(1);

/**
 * Accepting an invitation: a new person picks a name and a password and is signed in; someone
 * with an account already just gains the role and signs in as usual.
 */
export function InvitePage() {
  const [offer, setOffer] = useState<InviteOffer | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  useEffect(() => {
    peekInvite(tokenOf()).then(setOffer, (failure: Error) => setMessage(failure.message));
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    setErrors({});
    try {
      const answer = await acceptInvite(offer?.accountExists ? { token: tokenOf() } : { token: tokenOf(), name, password });
      history.replaceState(null, '', location.pathname);
      if (answer.signedIn) {
        startSession(answer);
        navigate('prompts');
      } else {
        setMessage(`Done: ${answer.email} now has the role. Sign in with your password.`);
        navigate('');
      }
    } catch (failure) {
      const { issues = [], message: text } = failure as { issues?: { path: string; message: string }[]; message: string };
      setErrors(Object.fromEntries(issues.map((issue) => [issue.path, issue.message])));
      setMessage(text);
    }
  };

  return (
    <main id="main" class="sign-in">
      <h1>Join Hearth admin</h1>
      <p role="status" class="message">
        {message}
      </p>
      {offer && (
        <form onSubmit={submit}>
          <p>
            {offer.email} is invited to <strong>{offer.projectName}</strong> as <strong>{offer.role}</strong>.
          </p>
          {!offer.accountExists && (
            <>
              <TextField id="name" label="Your name" value={name} error={errors.name} onInput={setName} />
              <TextField
                id="new-password"
                label="Choose a password"
                type="password"
                hint="At least 10 characters."
                value={password}
                error={errors.password}
                onInput={setPassword}
              />
            </>
          )}
          <button type="submit">{offer.accountExists ? 'Accept the invitation' : 'Create account and join'}</button>
        </form>
      )}
    </main>
  );
}
