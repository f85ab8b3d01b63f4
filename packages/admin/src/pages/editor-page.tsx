import type { ComponentChildren } from 'preact';
import type { PromptRecord } from '../api/prompts.js';
import { AudienceSection } from '../components/audience-section.js';
import { EditorActions, EditorHead } from '../components/editor-chrome.js';
import { EditorLayout } from '../components/editor-layout.js';
import { EditorSection } from '../components/editor-section.js';
import { TextField } from '../components/field.js';
import { PreviewPanel } from '../components/preview-panel.js';
import { VersionHistory } from '../components/version-history.js';
import type { AudienceDraft } from '../models/audience-builder.js';
import type { FieldErrors } from '../models/field-errors.js';
import type { PreviewTarget } from '../preview/mount-preview.js';
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

interface Props<D extends CommonDraft> {
  editor: LoadedEditor<D>;
  title: string;
  /** The saved record's status; null before the first save. */
  status: string | null;
  /** Preview locales: the default first, then the translations'. */
  locales: readonly string[];
  /** The draft as the widget would receive it; null while it does not validate. */
  preview: (locale: string) => PreviewTarget | null;
  /** A saved prompt's id, for the collector's "would this user see it?". */
  explainFor?: string | null;
  /** The kind's own content fields, after id and name. */
  content: ComponentChildren;
  /** The kind's sections after Audience (trigger, schedule, frequency, translations). */
  children: ComponentChildren;
  /** Under the heading (the collector's warnings), beside the preview (its failures), below both (version history). */
  notices?: ComponentChildren;
  previewNotices?: ComponentChildren;
  after?: ComponentChildren;
  submitLabel?: string;
}

/**
 * The page every prompt editor is: heading and outcome, the problems to fix, the form (content
 * with id and name, audience, the kind's sections, actions) left and the live preview right.
 */
export function EditorPage<D extends CommonDraft>({
  editor,
  title,
  status,
  locales,
  preview,
  explainFor = null,
  content,
  children,
  notices,
  previewNotices,
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
      preview={
        <>
          <PreviewPanel
            locales={locales}
            target={preview}
            explainFor={explainFor}
            problems={Object.keys(checked.errors).length}
            onShowProblems={showProblems}
          />
          {previewNotices}
        </>
      }
      after={after}
    >
      <EditorSection title="Content" open>
        <TextField
          id="id"
          label="Id (used in events and URLs)"
          value={draft.id}
          error={errors.id}
          // The id names the record once it exists: only a new one takes a new id.
          onInput={(id) => !record && set({ id } as Partial<D>)}
        />
        <TextField id="name" label="Internal name" value={draft.name} error={errors.name} onInput={(name) => set({ name } as Partial<D>)} />
        {content}
      </EditorSection>
      <AudienceSection audience={draft.audience} errors={errors} onChange={(audience) => set({ audience } as Partial<D>)} />
      {children}
      <EditorActions status={status} onPublish={publish} onArchive={archive}>
        {submitLabel}
      </EditorActions>
    </EditorLayout>
  );
}

/** What a prompt's saved record decides on its page: the title, status, "would they see it?" and version history. */
export function promptPageProps(kind: 'Checklist' | 'Survey', record: PromptRecord | null, onRolledBack: (record: PromptRecord) => void) {
  return {
    title: record ? `${kind}: ${record.prompt.name ?? record.prompt.id}` : `New ${kind.toLowerCase()}`,
    status: record?.prompt.status ?? null,
    explainFor: record?.prompt.id ?? null,
    after: record && <VersionHistory record={record} onRolledBack={onRolledBack} />,
  };
}
