import type { EmailMessageInput } from '@hearth/schema';
import { useState } from 'preact/hooks';
import { previewEmail, testSendEmail } from '../api/email.js';
import { searchUsers } from '../api/users.js';
import { canEdit, role } from '../models/session.js';
import type { PreviewUser } from '../preview/preview-user.js';
import { useDebouncedAnswer } from '../preview/use-debounced-answer.js';
import { UserPicker } from '../preview/user-picker.js';
import { TextField } from './field.js';

interface Props {
  /** The draft as the API takes it; null while it does not validate. */
  message: EmailMessageInput | null;
  /** How many problems keep the draft from validating; with `onShowProblems`, the panel offers to show them. */
  problems: number;
  onShowProblems: () => void;
}

/**
 * The draft as the collector renders it for one chosen real user (`POST …/email/preview`, nothing
 * stored): the subject, the HTML part in a sandboxed frame that runs no script, the plain-text
 * part, and why that user would not get it now. Below, a test send of exactly that to an address.
 */
export function EmailPreviewPanel({ message, problems, onShowProblems }: Props) {
  const [user, setUser] = useState<PreviewUser | null>(null);
  const key = message && user?.userId ? JSON.stringify([message, user.userId]) : null;
  const { answer: preview, failure, fresh } = useDebouncedAnswer(key, () => previewEmail(message!, user!.userId!));
  return (
    <>
      <section class="panel" aria-labelledby="preview-title">
        <h2 id="preview-title">Preview</h2>
        <UserPicker value={user} onChange={setUser} search={searchUsers} sample={false} />
        {!message && (
          <p class="hint">
            The preview shows once the draft is valid: {problems === 1 ? 'one problem' : `${problems} problems`} to fix.{' '}
            <button type="button" class="secondary small" onClick={onShowProblems}>
              Show the problems
            </button>
          </p>
        )}
        {failure && (
          <p class="error" role="alert">
            The preview could not be prepared: {failure}
          </p>
        )}
        {preview && (
          <div class="email-preview" aria-busy={!fresh} data-testid="email-preview">
            <p>
              <strong>Subject:</strong> <span data-testid="email-subject">{preview.subject}</span>
            </p>
            {preview.wouldNotSend.length > 0 ? (
              <div class="hint" data-testid="would-not-send">
                This user would not get it now:
                <ul>
                  {preview.wouldNotSend.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </div>
            ) : (
              <p class="hint">This user may get it now (the kind's rule still decides when).</p>
            )}
            <h3>HTML part</h3>
            {/* An empty sandbox: the mail's HTML cannot run script, submit forms or reach the console. */}
            <iframe class="email-frame" title="HTML part of the email" sandbox="" srcdoc={preview.html} />
            <h3>Plain-text part</h3>
            <pre class="email-text" data-testid="email-text" tabIndex={0} aria-label="Plain-text part of the email">
              {preview.text}
            </pre>
            <p class="hint">Shown in the user's own locale (their `locale` trait); links work only in a real email.</p>
          </div>
        )}
      </section>
      <TestSend message={message} user={user} />
    </>
  );
}

/** Sends the previewed email to one address, outside the queue and the figures. */
function TestSend({ message, user }: { message: EmailMessageInput | null; user: PreviewUser | null }) {
  const [to, setTo] = useState('');
  const [outcome, setOutcome] = useState('');
  const [busy, setBusy] = useState(false);
  const locked = !canEdit.value;
  const send = async (event: Event) => {
    event.preventDefault();
    if (!message || !user?.userId) return setOutcome('Pick a user to preview as and fix the draft first.');
    setBusy(true);
    try {
      const sent = await testSendEmail(message, user.userId, to.trim());
      setOutcome(`Test email sent to ${sent.to}, rendered for ${user.userId}.`);
    } catch (failure) {
      setOutcome(`Not sent: ${(failure as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel" aria-labelledby="test-send-title">
      <h2 id="test-send-title">Send a test</h2>
      <form class="inline-form" onSubmit={send}>
        <TextField id="test-send-to" label="Send to address" type="email" value={to} onInput={setTo} />
        <button type="submit" disabled={busy || locked} {...(locked ? { 'aria-describedby': 'test-send-lock' } : {})}>
          Send test
        </button>
      </form>
      {locked && (
        <p id="test-send-lock" class="hint">
          Your role here is {role.value}: viewers cannot send test emails.
        </p>
      )}
      <p role="status" class="message">
        {outcome}
      </p>
    </section>
  );
}
