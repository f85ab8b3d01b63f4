import type { AnnouncementDraft, CtaKind } from '../models/announcement-draft.js';
import type { FieldErrors } from '../models/field-errors.js';
import { CheckboxField, SelectField } from './choice-fields.js';
import { TextField } from './field.js';

interface Props {
  draft: AnnouncementDraft;
  errors: FieldErrors;
  set: (patch: Partial<AnnouncementDraft>) => void;
}

/** Title, Markdown body, category, image and call to action; errors are the announcement's (`content.title`…). */
export function AnnouncementContentFields({ draft, errors, set }: Props) {
  const c = (field: string) => errors[`content.${field}`];
  return (
    <fieldset>
      <legend>Content</legend>
      <TextField id="title" label="Title" value={draft.title} error={c('title')} onInput={(title) => set({ title })} />
      <TextField
        id="body"
        label="Body (Markdown: headings, lists, emphasis, links, images, code)"
        multiline
        value={draft.body}
        error={c('body')}
        onInput={(body) => set({ body })}
      />
      <TextField
        id="category"
        label="Category (new, improved, fixed, or your own id)"
        value={draft.category}
        error={errors.category}
        onInput={(category) => set({ category })}
      />
      <TextField
        id="category-label"
        label="Category label (for your own categories)"
        value={draft.categoryLabel}
        error={c('categoryLabel')}
        onInput={(categoryLabel) => set({ categoryLabel })}
      />
      <TextField
        id="image-url"
        label="Image URL (https://…; empty: none)"
        value={draft.imageUrl}
        error={c('image.url')}
        onInput={(imageUrl) => set({ imageUrl })}
      />
      {draft.imageUrl && (
        <TextField
          id="image-alt"
          label="Image alt text"
          value={draft.imageAlt}
          error={c('image.alt')}
          onInput={(imageAlt) => set({ imageAlt })}
        />
      )}
      <SelectField
        id="cta"
        label="Call to action"
        value={draft.cta}
        options={[
          ['none', 'None'],
          ['url', 'Open a link'],
          ['event', 'Track an event the app listens to'],
        ]}
        onChange={(cta) => set({ cta: cta as CtaKind })}
      />
      {draft.cta !== 'none' && (
        <TextField
          id="cta-label"
          label="Button label"
          value={draft.ctaLabel}
          error={c('cta.label')}
          onInput={(ctaLabel) => set({ ctaLabel })}
        />
      )}
      {draft.cta === 'url' && (
        <TextField
          id="cta-url"
          label="Link (https://… or /path)"
          value={draft.ctaUrl}
          error={c('cta.url')}
          onInput={(ctaUrl) => set({ ctaUrl })}
        />
      )}
      {draft.cta === 'event' && (
        <TextField
          id="cta-event"
          label="Event name"
          value={draft.ctaEvent}
          error={c('cta.name')}
          onInput={(ctaEvent) => set({ ctaEvent })}
        />
      )}
    </fieldset>
  );
}

/** When and how it appears. */
export function AnnouncementPublishingFields({ draft, errors, set }: Props) {
  return (
    <fieldset>
      <legend>Publishing</legend>
      <TextField
        id="publish-at"
        type="datetime-local"
        label="Publish at (empty: when you press Publish)"
        value={draft.publishAt}
        error={errors.publishAt}
        onInput={(publishAt) => set({ publishAt })}
      />
      <TextField
        id="expires-at"
        type="datetime-local"
        label="Leaves the feed at (empty: never)"
        value={draft.expiresAt}
        error={errors.expiresAt}
        onInput={(expiresAt) => set({ expiresAt })}
      />
      <CheckboxField
        id="boosted"
        label="Boost: show once as a toast or modal (inside the fatigue budget)"
        checked={draft.boosted}
        onChange={(boosted) => set({ boosted })}
      />
      {draft.boosted && (
        <SelectField
          id="boost-style"
          label="Boost style"
          value={draft.boostStyle}
          options={[
            ['toast', 'Toast'],
            ['modal', 'Modal'],
          ]}
          onChange={(style) => set({ boostStyle: style === 'modal' ? 'modal' : 'toast' })}
        />
      )}
      <CheckboxField id="public" label="List on the public changelog" checked={draft.public} onChange={(value) => set({ public: value })} />
      <TextField
        id="feature-event"
        label="Feature event, for adoption after the announcement (optional)"
        value={draft.featureEvent}
        error={errors.featureEvent}
        onInput={(featureEvent) => set({ featureEvent })}
      />
      <TextField
        id="default-locale"
        label="Default locale (the texts above)"
        value={draft.defaultLocale}
        error={errors.defaultLocale}
        onInput={(defaultLocale) => set({ defaultLocale })}
      />
    </fieldset>
  );
}
