import type { EmailMessageInput, EmailMessageRecord } from '@hearth/schema';
import { createEmailMessage, getEmailMessage, setEmailStatus, updateEmailMessage } from '../api/email.js';
import { AudienceSection } from '../components/audience-section.js';
import { EditorActions, EditorHead } from '../components/editor-chrome.js';
import { EditorLayout } from '../components/editor-layout.js';
import { EditorSection } from '../components/editor-section.js';
import { EmailContentFields, EmailRuleFields, EmailScheduleFields } from '../components/email-fields.js';
import { EmailHistory } from '../components/email-history.js';
import { EmailPreviewPanel } from '../components/email-preview-panel.js';
import { TextField } from '../components/field.js';
import { TranslationTable } from '../components/translation-table.js';
import { checkEmailDraft, draftFromEmail, emailTranslatableFields, newEmailDraft } from '../models/email-draft.js';
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
  const { record, draft, set, errors, checked, dirty, showProblems, message, save, publish, archive } = useRecordEditor({
    id,
    api,
    newDraft: () => newEmailDraft(),
    toDraft: (loaded) => draftFromEmail(loaded.message),
    check: checkEmailDraft,
  });
  if (!draft || !checked) return <p aria-busy="true">{message || 'Loading…'}</p>;

  const status = record ? listStatusOf(record.message) : null;
  return (
    <EditorLayout
      head={
        <EditorHead
          title={record ? `Message: ${record.message.name ?? record.message.id}` : 'New message'}
          status={status}
          message={message}
          dirty={dirty}
        />
      }
      errors={errors}
      onSubmit={save}
      preview={
        <EmailPreviewPanel
          message={checked.ok ? (checked.message as unknown as EmailMessageInput) : null}
          problems={Object.keys(checked.errors).length}
          onShowProblems={showProblems}
        />
      }
      after={record && <EmailHistory messageId={record.message.id} />}
    >
      <EditorSection title="Content" open>
        <TextField
          id="id"
          label="Id (used in links and figures)"
          value={draft.id}
          error={errors.id}
          onInput={(v) => !record && set({ id: v })}
        />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name })} />
        <EmailContentFields draft={draft} errors={errors} set={set} />
      </EditorSection>
      <EditorSection title="Rule">
        <EmailRuleFields draft={draft} errors={errors} set={set} />
      </EditorSection>
      <AudienceSection audience={draft.audience} errors={errors} onChange={(audience) => set({ audience })} />
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
      <EditorActions status={status} onPublish={publish} onArchive={archive}>
        {record ? 'Save' : 'Save draft'}
      </EditorActions>
    </EditorLayout>
  );
}
