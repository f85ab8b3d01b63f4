import type { ComponentChildren } from 'preact';
import type { PromptRecord } from '../api/prompts.js';
import { AudienceSection } from '../components/audience-section.js';
import { EditorActions, EditorHead } from '../components/editor-chrome.js';
import { EditorLayout } from '../components/editor-layout.js';
import { EditorSection } from '../components/editor-section.js';
import { TextField } from '../components/field.js';
import { PreviewPanel, type PreviewPanelProps } from '../components/preview-panel.js';
import { VersionHistory } from '../components/version-history.js';
import type { AudienceDraft } from '../models/audience-builder.js';
import type { FieldErrors } from '../models/field-errors.js';
import type { CheckedDraft } from './use-record-editor.js';

/** The fields every prompt draft has, which the page edits itself. */
interface CommonDraft {
  id: string;
  name: string;
  audience: AudienceDraft | null;
}

/** What the page needs of `useRecordEditor`'s answer, once the draft has loaded. */
export interface LoadedEditor<D extends CommonDraft> {
  record: unknown;
  draft: D;
  set: (patch: Partial<D>) => void;
  errors: FieldErrors;
  checked: CheckedDraft;
  dirty: boolean;
  showProblems: () => void;
  message: string;
  save: (event: Event) => void;
  publish: () => void;
  archive: () => void;
}

/** How many problems keep the draft from validating, and how to show them: every preview offers that. */
export interface DraftProblems {
  problems: number;
  onShowProblems: () => void;
}

interface Props<D extends CommonDraft> {
  editor: LoadedEditor<D>;
  title: string;
  /** The saved record's status; null before the first save. */
  status: string | null;
  /** What the id is used for, in its label. */
  idLabel?: string;
  /** The panel beside the form: the widget's preview (`widgetPreview`), or a kind's own. */
  preview: (problems: DraftProblems) => ComponentChildren;
  /** The kind's own content fields, after id and name. */
  content: ComponentChildren;
  /** The kind's sections between Content and Audience (a message's rule). */
  beforeAudience?: ComponentChildren;
  /** The kind's sections after Audience (trigger, schedule, frequency, translations). */
  children: ComponentChildren;
  /** Under the heading (the collector's warnings), below the form and preview (version history). */
  notices?: ComponentChildren;
  after?: ComponentChildren;
  submitLabel?: string;
}

/** The widget's live preview of a prompt draft, and below it what else the kind reports (a failed compile). */
export const widgetPreview =
  (panel: Omit<PreviewPanelProps, keyof DraftProblems>, notices?: ComponentChildren) => (problems: DraftProblems) => (
    <>
      <PreviewPanel {...panel} {...problems} />
      {notices}
    </>
  );

/**
 * The page every editor is (checklists, surveys, announcements, messages): heading and outcome,
 * the problems to fix, the form (content with id and name, audience, the kind's sections,
 * actions) left and the live preview right.
 */
export function EditorPage<D extends CommonDraft>({
  editor,
  title,
  status,
  idLabel = 'Id (used in events and URLs)',
  preview,
  content,
  beforeAudience,
  children,
  notices,
  after,
  submitLabel = 'Save',
}: Props<D>) {
  const { record, draft, set, errors, checked, dirty, showProblems, message, save, publish, archive } = editor;
  return (
    <EditorLayout
      head={
        <>
          <EditorHead title={title} status={status} message={message} dirty={dirty} />
          {notices}
        </>
      }
      errors={errors}
      onSubmit={save}
      preview={preview({ problems: Object.keys(checked.errors).length, onShowProblems: showProblems })}
      after={after}
    >
      <EditorSection title="Content" open>
        <TextField
          id="id"
          label={idLabel}
          value={draft.id}
          error={errors.id}
          // The id names the record once it exists: only a new one takes a new id.
          onInput={(id) => !record && set({ id } as Partial<D>)}
        />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name } as Partial<D>)} />
        {content}
      </EditorSection>
      {beforeAudience}
      <AudienceSection audience={draft.audience} errors={errors} onChange={(audience) => set({ audience } as Partial<D>)} />
      {children}
      <EditorActions status={status} onPublish={publish} onArchive={archive}>
        {submitLabel}
      </EditorActions>
    </EditorLayout>
  );
}

/** What a prompt's saved record decides on its page: the title, status and version history. */
export function promptPageProps(kind: 'Checklist' | 'Survey', record: PromptRecord | null, onRolledBack: (record: PromptRecord) => void) {
  return {
    title: record ? `${kind}: ${record.prompt.name ?? record.prompt.id}` : `New ${kind.toLowerCase()}`,
    status: record?.prompt.status ?? null,
    after: record && <VersionHistory record={record} onRolledBack={onRolledBack} />,
  };
}
