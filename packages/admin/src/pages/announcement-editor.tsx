import type { AnnouncementInput } from '@hearth/schema';
import { useEffect, useState } from 'preact/hooks';
import { archiveAnnouncement, createAnnouncement, getAnnouncement, publishAnnouncement, updateAnnouncement, type AnnouncementRecord, type SavedAnnouncement } from '../api/announcements.js';
import { ApiError } from '../api/client.js';
import { AnnouncementContentFields, AnnouncementPublishingFields } from '../components/announcement-fields.js';
import { TextField } from '../components/field.js';
import { PreviewPanel } from '../components/preview-panel.js';
import { TargetingBuilder } from '../components/targeting-builder.js';
import { TranslationTable } from '../components/translation-table.js';
import { announcementTranslatableFields, checkAnnouncementDraft, draftFromAnnouncement, newAnnouncementDraft, type AnnouncementDraft } from '../models/announcement-draft.js';
import { errorsFromIssues, errorsUnder, type FieldErrors } from '../models/field-errors.js';
import { announcementPreviewState } from '../preview/preview-state.js';
import { navigate } from '../router.js';

type Warnings = SavedAnnouncement['warnings'];

/**
 * Create or edit an announcement. The collector parses the Markdown on every save and answers with
 * the allowlisted tree and what it dropped; the preview renders that tree with the widget's feed.
 */
export function AnnouncementEditor({ id }: { id: string | null }) {
  const [record, setRecord] = useState<AnnouncementRecord | null>(null);
  const [draft, setDraft] = useState<AnnouncementDraft | null>(id ? null : newAnnouncementDraft());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [warnings, setWarnings] = useState<Warnings>([]);
  const [message, setMessage] = useState('');
  const load = (loaded: AnnouncementRecord & { warnings?: Warnings }) => {
    setRecord(loaded);
    setWarnings(loaded.warnings ?? []);
    setDraft(draftFromAnnouncement(loaded.announcement));
  };
  useEffect(() => {
    if (id) getAnnouncement(id).then(load, (failure: Error) => setMessage(failure.message));
  }, [id]);
  if (!draft) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const set = (patch: Partial<AnnouncementDraft>) => setDraft({ ...draft, ...patch });
  const act = async (run: () => Promise<AnnouncementRecord>, done: string) => {
    try {
      const saved = await run();
      load(saved);
      setErrors({});
      setMessage(`${done} (version ${saved.version}).`);
      if (!id) navigate(`prompts/announcement/${saved.announcement.id}`);
    } catch (failure) {
      setErrors(errorsFromIssues(failure instanceof ApiError ? failure.issues : []));
      setMessage((failure as Error).message);
    }
  };
  const save = async (event: Event) => {
    event.preventDefault();
    const checked = checkAnnouncementDraft(draft);
    setErrors(checked.errors);
    if (!checked.ok) return setMessage(`Fix the ${Object.keys(checked.errors).length} highlighted field(s) before saving.`);
    const input = checked.announcement as unknown as AnnouncementInput;
    await act(() => (record ? updateAnnouncement(input, record.version) : createAnnouncement(input)), 'Saved');
  };
  const status = record?.announcement.status ?? 'draft';
  const preview = (locale: string) => (record ? { kind: 'announcements' as const, state: announcementPreviewState(record.announcement, record.texts, locale, new Date()) } : null);
  return (
    <>
      <div class="page-head">
        <h1>{record ? `Announcement: ${record.announcement.name ?? record.announcement.content.title}` : 'New announcement'}</h1>
        {record && <span class={`status status--${status}`}>{status}</span>}
      </div>
      <p role="status" class="message">
        {message}
      </p>
      {warnings.length > 0 && (
        <div class="panel" role="alert">
          <p>The collector kept the text but dropped what is not allowed:</p>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>
                <code>{w.path}</code>: {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={save} noValidate>
        <TextField id="id" label="Id (used in events and URLs)" value={draft.id} error={errors.id} onInput={(v) => !record && set({ id: v })} />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name })} />
        <AnnouncementContentFields draft={draft} errors={errors} set={set} />
        <TranslationTable defaultLocale={draft.defaultLocale} fields={announcementTranslatableFields(draft)} value={draft.translations} errors={errors} onChange={(translations) => set({ translations })} />
        <AnnouncementPublishingFields draft={draft} errors={errors} set={set} />
        {draft.audience ? (
          <TargetingBuilder value={draft.audience} errors={errorsUnder(errors, 'audience')} onChange={(audience) => set({ audience })} />
        ) : (
          <p class="hint">This audience nests groups the builder cannot show; it is kept unchanged. Edit it through the admin API.</p>
        )}
        <div class="actions">
          <button type="submit">{record ? 'Save and refresh preview' : 'Save draft'}</button>
          {record && status !== 'live' && status !== 'scheduled' && (
            <button type="button" onClick={() => act(() => publishAnnouncement(record.announcement.id, record.version), 'Published')}>
              Publish
            </button>
          )}
          {record && status !== 'archived' && (
            <button type="button" class="secondary" onClick={() => act(() => archiveAnnouncement(record.announcement.id, record.version), 'Archived')}>
              Archive
            </button>
          )}
        </div>
      </form>
      <p class="hint">The preview shows the last saved version, parsed by the collector exactly as users receive it.</p>
      <PreviewPanel locales={[draft.defaultLocale, ...Object.keys(draft.translations)]} target={preview} />
    </>
  );
}
