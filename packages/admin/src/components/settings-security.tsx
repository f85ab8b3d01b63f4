import type { ProjectSettingsView } from '@hearth/schema';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CheckboxField } from './choice-fields.js';
import { TextField } from './field.js';
import type { SectionProps } from './settings-appearance.js';

interface SecurityProps extends SectionProps {
  keys: ProjectSettingsView['keys'];
  onRotate: () => void;
  onFinishRotation: () => void;
}

/** Security: who may call from a browser, whether identities must be proven, and the secret keys. */
export function SecurityFields({ draft, errors, set, keys, onRotate, onFinishRotation }: SecurityProps) {
  const [confirming, setConfirming] = useState(false);
  const retire = useRef<HTMLButtonElement>(null);
  // The warning replaces the button that opened it: focus moves to the choice it asks for.
  useEffect(() => {
    if (confirming) retire.current?.focus();
  }, [confirming]);
  const setOrigin = (index: number, origin: string) =>
    set({ allowedOrigins: draft.allowedOrigins.map((o, i) => (i === index ? origin : o)) });
  return (
    <fieldset>
      <legend>Security</legend>
      <h2 id="origins-heading">Allowed origins</h2>
      <p class="hint">
        Pages on these origins may send events and read state, e.g. https://app.acme.example. "*" allows any origin (development only).
      </p>
      {errors.allowedOrigins && (
        <p class="error" role="alert">
          {errors.allowedOrigins}
        </p>
      )}
      <ul class="rules" aria-labelledby="origins-heading">
        {draft.allowedOrigins.map((origin, index) => (
          <li key={index} class="rule">
            <TextField
              id={`origin-${index}`}
              label={`Origin ${index + 1}`}
              value={origin}
              error={errors[`allowedOrigins.${index}`]}
              onInput={(value) => setOrigin(index, value)}
            />
            <button
              type="button"
              class="secondary"
              onClick={() => set({ allowedOrigins: draft.allowedOrigins.filter((_, i) => i !== index) })}
            >
              Remove origin {index + 1}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={() => set({ allowedOrigins: [...draft.allowedOrigins, ''] })}>
        Add origin
      </button>

      <h2>Identity and privacy</h2>
      <CheckboxField
        id="enforce-identity"
        label="Enforce identity verification: refuse identified calls without a valid userToken"
        checked={draft.enforce}
        onChange={(enforce) => set({ enforce })}
      />
      <CheckboxField
        id="respect-gpc"
        label="Treat Global Privacy Control as consent denied"
        checked={draft.respectGpc}
        onChange={(respectGpc) => set({ respectGpc })}
      />

      <h2>Keys</h2>
      <dl class="keys">
        <dt>Public key</dt>
        <dd>
          <code>{keys.publicKey}</code>
        </dd>
        <dt>Secret keys</dt>
        <dd>
          <ul aria-label="Active secret key fingerprints">
            {keys.secretKeyFingerprints.map((fingerprint) => (
              <li key={fingerprint}>
                <code>{fingerprint}</code>
              </li>
            ))}
          </ul>
        </dd>
      </dl>
      {keys.rotating ? (
        <>
          <p class="hint">Rotation under way: both secret keys work. Once every backend uses the new key, retire the old one.</p>
          {confirming ? (
            <div class="inline-form" role="group" aria-labelledby="retire-warning">
              <p id="retire-warning" class="error">
                Retire {keys.secretKeyFingerprints[0]} now? Backends still sending it get 401, and tokens signed with it stop verifying.
              </p>
              <button
                type="button"
                ref={retire}
                onClick={() => {
                  setConfirming(false);
                  onFinishRotation();
                }}
              >
                Retire the old key
              </button>
              <button type="button" class="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              Finish rotation: retire {keys.secretKeyFingerprints[0]}
            </button>
          )}
        </>
      ) : (
        <button type="button" onClick={onRotate}>
          Rotate secret key
        </button>
      )}
    </fieldset>
  );
}
