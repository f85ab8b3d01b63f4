import { useState } from 'preact/hooks';

/** A secret the collector just generated: shown this once, with a copy button and a warning. */
export function SecretOnce({
  label,
  secret,
  fingerprint,
  onDismiss,
}: {
  label: string;
  secret: string;
  fingerprint: string;
  onDismiss: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const id = `secret-${fingerprint.slice(7)}`;
  const copy = () =>
    navigator.clipboard.writeText(secret).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <div class="panel secret-once" role="region" aria-label={`New secret: ${label}`}>
      <label for={id}>{label}</label>
      <div class="inline-form">
        <input id={id} class="secret" readOnly value={secret} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" onClick={copy}>
          Copy
        </button>
        <button type="button" class="secondary" onClick={onDismiss}>
          I stored it
        </button>
      </div>
      <p class="hint">Shown once: store it in your backend's secret store now. Later pages show only its fingerprint, {fingerprint}.</p>
      <p role="status" class="message">
        {copied ? 'Copied to the clipboard.' : ''}
      </p>
    </div>
  );
}
