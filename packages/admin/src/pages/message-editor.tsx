import type { EmailMessageInput, EmailMessageRecord } from '@hearth/schema';
import { createEmailMessage, getEmailMessage, setEmailStatus, updateEmailMessage } from '../api/email.js';
import { EditorSection } from '../components/editor-section.js';
import { EmailContentFields, EmailRuleFields, EmailScheduleFields } from '../components/email-fields.js';
import { EmailHistory } from '../components/email-history.js';
import { EmailPreviewPanel } from '../components/email-preview-panel.js';
import { TranslationTable } from '../components/translation-table.js';
import { checkEmailDraft, draftFromEmail, emailTranslatableFields, newEmailDraft } from '../models/email-draft.js';
import { EditorPage } from './editor-page.js';
import { listStatusOf, messageRoute } from './messages.js';
import { useRecordEditor, type RecordApi } from './use-record-editor.js';

const api: RecordApi<EmailMessageRecord, ReturnType<typeof checkEmailDraft>> = {
  get: getEmailMessage,
  save: ({ message }, record) => {
    // The draft checker validated it with the collector's schema.
    const input = message as unknown as EmailMessageInput;
    return record ? updateEmailMessage(input, record.version) : createEmailMessage(input);
  },
  publish: (record) => setEmailStatus(record, 'live'),
  archive: (record) => setEmailStatus(record, 'archived'),
  path: (record) => messageRoute(record.message.id),
};

/** Create or edit a lifecycle email; the preview beside it is the collector's rendering for a chosen real user. */
export function MessageEditor({ id }: { id: string | null }) {
  const editor = useRecordEditor({
    id,
    api,
    newDraft: () => newEmailDraft(),
    toDraft: (loaded) => draftFromEmail(loaded.message),
    check: checkEmailDraft,
  });
  const { record, draft, set, errors, checked, message } = editor;
  if (!draft || !checked) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const status = record ? listStatusOf(record.message) : null;
  return (
    <EditorPage
      editor={{ ...editor, draft, checked }}
      title={record ? `Message: ${record.message.name ?? record.message.id}` : 'New message'}
      status={status}
      idLabel="Id (used in links and figures)"
      submitLabel={record ? 'Save' : 'Save draft'}
      preview={(problems) => (
        <EmailPreviewPanel message={checked.ok ? (checked.message as unknown as EmailMessageInput) : null} {...problems} />
      )}
      after={record && <EmailHistory messageId={record.message.id} />}
      content={<EmailContentFields draft={draft} errors={errors} set={set} />}
      beforeAudience={
        <EditorSection title="Rule">
          <EmailRuleFields draft={draft} errors={errors} set={set} />
        </EditorSection>
      }
    >
      <EditorSection title="Schedule and measurement">
        <EmailScheduleFields draft={draft} errors={errors} set={set} />
      </EditorSection>
      <EditorSection title="Translations">
        <TranslationTable
          defaultLocale={draft.defaultLocale}
          fields={emailTranslatableFields(draft)}
          value={draft.translations}
          errors={errors}
          onChange={(translations) => set({ translations })}
        />
      </EditorSection>
    </EditorPage>
  );
}
