import type { FieldErrors } from '../models/field-errors.js';
import type { ReferralDraft, RewardsDraft } from '../models/rewards-draft.js';
import { CheckboxField } from './choice-fields.js';
import { TextField } from './field.js';
import { fieldId } from './rewards-list-section.js';

interface Props {
  draft: RewardsDraft;
  errors: FieldErrors;
  set: (patch: Partial<RewardsDraft>) => void;
}

/** The program-wide settings: referrals, point expiry and the fulfilment webhook. */
export function RewardsProgramFields({ draft, errors, set }: Props) {
  const { referral } = draft;
  const setReferral = (patch: Partial<ReferralDraft>) => set({ referral: { ...referral, ...patch } });
  const at = (path: string) => ({ id: fieldId(path), error: errors[path] });
  return (
    <section aria-labelledby="rw-program-title">
      <h2 id="rw-program-title">Referrals, expiry and fulfilment</h2>
      <fieldset>
        <legend>Referrals</legend>
        <CheckboxField
          {...at('referral')}
          label="Referral program on"
          checked={referral.enabled}
          onChange={(enabled) => setReferral({ enabled })}
        />
        {referral.enabled && (
          <>
            <TextField
              {...at('referral.qualifyingEvent')}
              label="Qualifying event (sent by your backend)"
              value={referral.qualifyingEvent}
              onInput={(qualifyingEvent) => setReferral({ qualifyingEvent })}
            />
            <TextField
              {...at('referral.referrerPoints')}
              type="number"
              label="Points for the referrer"
              value={referral.referrerPoints}
              onInput={(referrerPoints) => setReferral({ referrerPoints })}
            />
            <TextField
              {...at('referral.referredPoints')}
              type="number"
              label="Points for the referred user"
              value={referral.referredPoints}
              onInput={(referredPoints) => setReferral({ referredPoints })}
            />
            <TextField
              {...at('referral.linkTemplate')}
              label="Referral link"
              hint="An http(s) URL; {code} is replaced by the user's referral code."
              value={referral.linkTemplate}
              onInput={(linkTemplate) => setReferral({ linkTemplate })}
            />
          </>
        )}
      </fieldset>
      <TextField
        {...at('expiryMonths')}
        type="number"
        label="Points expire after (30-day months)"
        hint="Oldest points first; run the expiry job daily. Empty: points never expire."
        value={draft.expiryMonths}
        onInput={(expiryMonths) => set({ expiryMonths })}
      />
      <TextField
        {...at('fulfilmentWebhookUrl')}
        type="url"
        label="Fulfilment webhook URL"
        hint="Hearth POSTs each new redemption here, signed with the project's first secret key. Empty: none."
        value={draft.fulfilmentWebhookUrl}
        onInput={(fulfilmentWebhookUrl) => set({ fulfilmentWebhookUrl })}
      />
    </section>
  );
}
