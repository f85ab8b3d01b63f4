import { useEffect, useState } from 'preact/hooks';
import { explainPrompt, type Explanation } from '../api/prompts.js';
import { Field } from './field.js';

interface Props {
  promptId: string;
  /** A user chosen elsewhere (the preview's "Preview as"): explained at once when it changes. */
  userId?: string | null;
  /** The collector call; tests pass a fake answer. */
  explain?: typeof explainPrompt;
}

/** "Why would / wouldn't this user see it": the collector's own decision for the saved prompt, gate by gate. */
export function ExplainPanel({ promptId, userId: chosen = null, explain = explainPrompt }: Props) {
  const [userId, setUserId] = useState(chosen ?? '');
  const [result, setResult] = useState<Explanation | null>(null);
  const [error, setError] = useState('');
  const run = async (id: string) => {
    setError('');
    try {
      setResult(await explain(promptId, id));
    } catch (failure) {
      setResult(null);
      setError((failure as Error).message);
    }
  };
  useEffect(() => {
    if (chosen === null) return;
    setUserId(chosen);
    void run(chosen);
  }, [chosen, promptId]);
  const ask = async (event: Event) => {
    event.preventDefault();
    await run(userId.trim());
  };
  return (
    <section class="panel" aria-labelledby="explain-title">
      <h2 id="explain-title">Would this user see it?</h2>
      <form onSubmit={ask} class="inline-form">
        <Field id="explain-user" label="User id" error={error || undefined}>
          {(aria) => <input {...aria} value={userId} required onInput={(e) => setUserId(e.currentTarget.value)} />}
        </Field>
        <button type="submit">Explain</button>
      </form>
      <p class="hint">Decided by the collector for the saved version, with the user's stored traits, events and display history.</p>
      {result && (
        <div aria-live="polite">
          <p class={result.showing ? 'ok' : 'not-ok'}>
            <strong>{result.showing ? 'Shown' : 'Not shown'}:</strong> {result.summary}
          </p>
          <ul class="steps">
            {result.steps.map((step) => (
              <li key={step.step}>
                <span aria-hidden="true">{step.ok ? '✓' : '✗'}</span> <strong>{step.step}</strong> ({step.ok ? 'passes' : 'fails'}):{' '}
                {step.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
