import { useState } from 'preact/hooks';
import { explainPrompt, type Explanation } from '../api/prompts.js';
import { Field } from './field.js';

/** "Why would / wouldn't this user see it": the collector's own decision, gate by gate. */
export function ExplainPanel({ promptId }: { promptId: string }) {
  const [userId, setUserId] = useState('');
  const [result, setResult] = useState<Explanation | null>(null);
  const [error, setError] = useState('');
  const ask = async (event: Event) => {
    event.preventDefault();
    setError('');
    try {
      setResult(await explainPrompt(promptId, userId.trim()));
    } catch (failure) {
      setResult(null);
      setError((failure as Error).message);
    }
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
      {result && (
        <div aria-live="polite">
          <p class={result.showing ? 'ok' : 'not-ok'}>
            <strong>{result.showing ? 'Shown' : 'Not shown'}:</strong> {result.summary}
          </p>
          <ul class="steps">
            {result.steps.map((step) => (
              <li key={step.step}>
                <span aria-hidden="true">{step.ok ? '✓' : '✗'}</span> <strong>{step.step}</strong> ({step.ok ? 'passes' : 'fails'}): {step.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
