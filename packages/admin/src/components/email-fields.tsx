import { EMAIL_CATEGORIES, EMAIL_CATEGORY_OF, EMAIL_KINDS } from '@hearth/schema';
import type { EmailDraft } from '../models/email-draft.js';
import type { FieldErrors } from '../models/field-errors.js';
import { CheckboxField, SelectField } from './choice-fields.js';
import { TextField } from './field.js';
import { KNOWN_EVENTS } from './vocabulary-lists.js';

interface Props {
  draft: EmailDraft;
  errors: FieldErrors;
  set: (patch: Partial<EmailDraft>) => void;
}

const KIND_OPTIONS: Record<(typeof EMAIL_KINDS)[number], string> = {
  digest: 'What’s new digest (to the inactive)',
  onboarding: 'Onboarding rule (has not done an event)',
  nps: 'NPS by email (to users the in-app survey missed)',
};

const PLACEHOLDERS = 'Placeholders: {{user.name | "there"}} fills a trait, escaped, with the fallback when the user has none.';

/** Subject, Markdown body and the button, in the default locale; errors are the message's (`content.subject`…). */
export function EmailContentFields({ draft, errors, set }: Props) {
  const c = (field: string) => errors[`content.${field}`];
  return (
    <fieldset>
      <legend>Texts in {draft.defaultLocale} (the default locale)</legend>
      <p class="hint" id="email-placeholders">
        {PLACEHOLDERS}
      </p>
      <TextField id="email-subject" label="Subject" value={draft.subject} error={c('subject')} onInput={(subject) => set({ subject })} />
      <TextField
        id="email-body"
        label="Body (Markdown: headings, lists, emphasis, links)"
        multiline
        value={draft.body}
        error={c('body')}
        onInput={(body) => set({ body })}
      />
      <TextField
        id="email-cta-label"
        label="Button label (empty: no button)"
        value={draft.ctaLabel}
        error={c('ctaLabel')}
        onInput={(ctaLabel) => set({ ctaLabel })}
      />
      <TextField
        id="email-cta-url"
        label="Button link (https://… or a path on the app's address)"
        value={draft.ctaUrl}
        error={errors.ctaUrl}
        onInput={(ctaUrl) => set({ ctaUrl })}
      />
      <TextField
        id="email-app-url"
        label="App address (where paths and the button lead)"
        value={draft.appUrl}
        error={errors.appUrl}
        onInput={(appUrl) => set({ appUrl })}
      />
      <TextField
        id="email-locale"
        label="Default locale"
        value={draft.defaultLocale}
        error={errors.defaultLocale}
        onInput={(defaultLocale) => set({ defaultLocale })}
      />
    </fieldset>
  );
}

/** The kind and its own rule: who the message is for and when it goes, besides the audience. */
export function EmailRuleFields({ draft, errors, set }: Props) {
  return (
    <>
      <SelectField
        id="email-kind"
        label="Kind"
        value={draft.kind}
        options={EMAIL_KINDS.map((kind) => [kind, KIND_OPTIONS[kind]] as const)}
        error={errors.kind}
        onChange={(kind) => set({ kind: kind as EmailDraft['kind'] })}
      />
      {draft.kind === 'digest' && (
        <>
          <p class="hint">
            Once per absence, to users inactive this long, listing the announcements published while they were away. Nothing is sent when
            nothing shipped.
          </p>
          <TextField
            id="email-inactive-days"
            label="Days without activity (empty: the project's inactivity threshold)"
            type="number"
            value={draft.inactiveDays}
            error={errors.inactiveDays}
            onInput={(inactiveDays) => set({ inactiveDays })}
          />
          <TextField
            id="email-max-age"
            label="List announcements at most this many days old"
            type="number"
            value={draft.maxAgeDays}
            error={errors.maxAgeDays}
            onInput={(maxAgeDays) => set({ maxAgeDays })}
          />
        </>
      )}
      {draft.kind === 'onboarding' && (
        <>
          <p class="hint">Sent once to each user in the audience who has not done the event within these days of first being seen.</p>
          <TextField
            id="email-event"
            label="Event not done"
            list={KNOWN_EVENTS}
            value={draft.event}
            error={errors.event}
            onInput={(event) => set({ event })}
          />
          <TextField
            id="email-within-days"
            label="Within days of first seen"
            type="number"
            value={draft.withinDays}
            error={errors.withinDays}
            onInput={(withinDays) => set({ withinDays })}
          />
        </>
      )}
      {draft.kind === 'nps' && (
        <>
          <p class="hint">
            For users the in-app NPS survey could not reach: eleven score links, one answer per person per cycle, shared with the survey.
          </p>
          <TextField
            id="email-survey"
            label="In-app NPS survey id"
            value={draft.surveyId}
            error={errors.surveyId}
            onInput={(surveyId) => set({ surveyId })}
          />
          <TextField
            id="email-unreached-days"
            label="Ask by email after this many days away from the app"
            type="number"
            value={draft.unreachedDays}
            error={errors.unreachedDays}
            onInput={(unreachedDays) => set({ unreachedDays })}
          />
          <TextField
            id="email-link-days"
            label="Score links stay valid for days"
            type="number"
            value={draft.linkDays}
            error={errors.linkDays}
            onInput={(linkDays) => set({ linkDays })}
          />
        </>
      )}
    </>
  );
}

/** Quiet hours, the holdout share and the unsubscribe category; empty means the project's setting. */
export function EmailScheduleFields({ draft, errors, set }: Props) {
  return (
    <>
      <CheckboxField
        id="email-own-quiet"
        label="Quiet hours of its own (otherwise the project's)"
        checked={draft.ownQuietHours}
        onChange={(ownQuietHours) => set({ ownQuietHours })}
      />
      {draft.ownQuietHours && (
        <div class="inline-form">
          <TextField
            id="email-quiet-start"
            label="No email from (hour, user's time zone)"
            type="number"
            value={draft.quietStart}
            error={errors['quietHours.start']}
            onInput={(quietStart) => set({ quietStart })}
          />
          <TextField
            id="email-quiet-end"
            label="Until (hour)"
            type="number"
            value={draft.quietEnd}
            error={errors['quietHours.end']}
            onInput={(quietEnd) => set({ quietEnd })}
          />
        </div>
      )}
      <TextField
        id="email-holdout"
        label="Holdout share, percent (empty: the project's)"
        hint="This stable share of the audience is not sent the message, so its reactivation can be compared."
        type="number"
        value={draft.holdoutPercent}
        error={errors.holdoutPercent}
        onInput={(holdoutPercent) => set({ holdoutPercent })}
      />
      <SelectField
        id="email-category"
        label="Unsubscribe category"
        value={draft.category}
        options={[
          ['', `The kind's own (${EMAIL_CATEGORY_OF[draft.kind]})`] as const,
          ...EMAIL_CATEGORIES.map((category) => [category, category] as const),
        ]}
        error={errors.category}
        onChange={(category) => set({ category: category as EmailDraft['category'] })}
      />
    </>
  );
}
