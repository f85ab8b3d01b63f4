import type { AnnouncementInput, AnnouncementRecord } from '@hearth/schema';
import { useState } from 'preact/hooks';
import {
  archiveAnnouncement,
  createAnnouncement,
  getAnnouncement,
  publishAnnouncement,
  updateAnnouncement,
  type SavedAnnouncement,
} from '../api/announcements.js';
import { AnnouncementContentFields, AnnouncementPublishingFields } from '../components/announcement-fields.js';
import { EditorActions, EditorHead } from '../components/editor-chrome.js';
import { TextField } from '../components/field.js';
import { PreviewPanel } from '../components/preview-panel.js';
import { TargetingBuilder } from '../components/targeting-builder.js';
import { TranslationTable } from '../components/translation-table.js';
import {
  announcementTranslatableFields,
  checkAnnouncementDraft,
  draftFromAnnouncement,
  newAnnouncementDraft,
} from '../models/announcement-draft.js';
import { errorsUnder } from '../models/field-errors.js';
import { announcementPreviewState } from '../preview/preview-state.js';
import { useRecordEditor, type RecordApi } from './use-record-editor.js';

type Warnings = SavedAnnouncement['warnings'];
type Loaded = AnnouncementRecord & { warnings?: Warnings };

const api: RecordApi<Loaded, ReturnType<typeof checkAnnouncementDraft>> = {
  get: getAnnouncement,
  save: ({ announcement }, record) => {
    const input = announcement as unknown as AnnouncementInput;
    return record ? updateAnnouncement(input, record.version) : createAnnouncement(input);
  },
  publish: (record) => publishAnnouncement(record.announcement.id, record.version),
  archive: (record) => archiveAnnouncement(record.announcement.id, record.version),
  path: (record) => `prompts/announcement/${record.announcement.id}`,
};

/**
 * Create or edit an announcement. The collector parses the Markdown on every save and answers with
 * the allowlisted tree and what it dropped; the preview renders that tree with the widget's feed.
 */
export function AnnouncementEditor({ id }: { id: string | null }) {
  const [warnings, setWarnings] = useState<Warnings>([]);
  const { record, draft, set, errors, message, save, publish, archive } = useRecordEditor({
    id,
    api,
    newDraft: newAnnouncementDraft,
    toDraft: (loaded) => draftFromAnnouncement(loaded.announcement),
    check: checkAnnouncementDraft,
    onLoad: (loaded) => setWarnings(loaded.warnings ?? []),
  });
  if (!draft) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const status = record?.announcement.status ?? null;
  const preview = (locale: string) =>
    record
      ? { kind: 'announcements' as const, state: announcementPreviewState(record.announcement, record.texts, locale, new Date()) }
      : null;
  return (
    <>
      <EditorHead
        title={record ? `Announcement: ${record.announcement.name ?? record.announcement.content.title}` : 'New announcement'}
        status={status}
        message={message}
      />
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
        <TextField
          id="id"
          label="Id (used in events and URLs)"
          value={draft.id}
          error={errors.id}
          onInput={(v) => !record && set({ id: v })}
        />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name })} />
        <AnnouncementContentFields draft={draft} errors={errors} set={set} />
        <TranslationTable
          defaultLocale={draft.defaultLocale}
          fields={announcementTranslatableFields(draft)}
          value={draft.translations}
          errors={errors}
          onChange={(translations) => set({ translations })}
        />
        <AnnouncementPublishingFields draft={draft} errors={errors} set={set} />
        {draft.audience ? (
          <TargetingBuilder value={draft.audience} errors={errorsUnder(errors, 'audience')} onChange={(audience) => set({ audience })} />
        ) : (
          <p class="hint">This audience nests groups the builder cannot show; it is kept unchanged. Edit it through the admin API.</p>
        )}
        <EditorActions status={status} onPublish={publish} onArchive={archive}>
          {record ? 'Save and refresh preview' : 'Save draft'}
        </EditorActions>
      </form>
      <p class="hint">The preview shows the last saved version, parsed by the collector exactly as users receive it.</p>
      <PreviewPanel locales={[draft.defaultLocale, ...Object.keys(draft.translations)]} target={preview} />
    </>
  );
}
