import { announcementInputSchema, type Announcement, type AnnouncementInput, type AnnouncementRecord } from '@hearth/schema';
import { useState } from 'preact/hooks';
import {
  archiveAnnouncement,
  createAnnouncement,
  getAnnouncement,
  previewAnnouncement,
  publishAnnouncement,
  updateAnnouncement,
  type SavedAnnouncement,
} from '../api/announcements.js';
import { AnnouncementContentFields, AnnouncementPublishingFields } from '../components/announcement-fields.js';
import { EditorSection } from '../components/editor-section.js';
import { TranslationTable } from '../components/translation-table.js';
import {
  announcementTranslatableFields,
  checkAnnouncementDraft,
  draftFromAnnouncement,
  newAnnouncementDraft,
} from '../models/announcement-draft.js';
import { announcementPreviewState } from '../preview/preview-state.js';
import { useDebouncedAnswer } from '../preview/use-debounced-answer.js';
import { EditorPage, widgetPreview } from './editor-page.js';
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
 * The draft's Markdown parsed by the collector (`POST …/announcements/preview`, nothing stored) as
 * the person types, so the preview shows exactly what users will get — before the first save too.
 */
function useCompiledPreview(input: Announcement | null, onWarnings: (warnings: Warnings) => void) {
  const { answer, failure } = useDebouncedAnswer(input ? JSON.stringify(input) : null, () =>
    previewAnnouncement(input as Announcement).then((compiled) => (onWarnings(compiled.warnings), compiled)),
  );
  return { texts: answer?.texts ?? null, failure };
}

/** Create or edit an announcement; the live preview renders the collector's parse with the widget's feed. */
export function AnnouncementEditor({ id, template = null }: { id: string | null; template?: Announcement | null }) {
  const [warnings, setWarnings] = useState<Warnings>([]);
  const editor = useRecordEditor({
    id,
    api,
    newDraft: () => (template ? draftFromAnnouncement(template) : newAnnouncementDraft()),
    toDraft: (loaded) => draftFromAnnouncement(loaded.announcement),
    check: checkAnnouncementDraft,
    onLoad: (loaded) => setWarnings(loaded.warnings ?? []),
  });
  const { record, draft, set, errors, checked, message } = editor;
  const parsed = checked?.ok ? announcementInputSchema.safeParse(checked.announcement) : null;
  const valid = parsed?.success ? parsed.data : null;
  const { texts, failure } = useCompiledPreview(valid, setWarnings);
  if (!draft || !checked) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const preview = (locale: string) =>
    valid && texts ? { kind: 'announcements' as const, state: announcementPreviewState(valid, texts, locale, new Date()) } : null;
  return (
    <EditorPage
      editor={{ ...editor, draft, checked }}
      title={record ? `Announcement: ${record.announcement.name ?? record.announcement.content.title}` : 'New announcement'}
      status={record?.announcement.status ?? null}
      preview={widgetPreview(
        { locales: [draft.defaultLocale, ...Object.keys(draft.translations)], target: preview },
        failure && (
          <p class="error" role="alert">
            The preview could not be prepared: {failure}
          </p>
        ),
      )}
      submitLabel={record ? 'Save' : 'Save draft'}
      notices={
        warnings.length > 0 && (
          <div class="panel" role="alert">
            <p>The collector keeps the text but drops what is not allowed:</p>
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>
                  <code>{w.path}</code>: {w.message}
                </li>
              ))}
            </ul>
          </div>
        )
      }
      content={<AnnouncementContentFields draft={draft} errors={errors} set={set} />}
    >
      <EditorSection title="Schedule">
        <AnnouncementPublishingFields draft={draft} errors={errors} set={set} />
      </EditorSection>
      <EditorSection title="Translations">
        <TranslationTable
          defaultLocale={draft.defaultLocale}
          fields={announcementTranslatableFields(draft)}
          value={draft.translations}
          errors={errors}
          onChange={(translations) => set({ translations })}
        />
      </EditorSection>
    </EditorPage>
  );
}
