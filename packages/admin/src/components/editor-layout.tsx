import type { ComponentChildren } from 'preact';
import type { FieldErrors } from '../models/field-errors.js';
import { ErrorSummary } from './error-summary.js';
import { VocabularyLists } from './vocabulary-lists.js';

interface Props {
  head: ComponentChildren;
  errors: FieldErrors;
  onSubmit: (event: Event) => void;
  /** The form's sections and its actions. */
  children: ComponentChildren;
  /** The live preview, kept in view beside the form. */
  preview: ComponentChildren;
  /** Below both columns: version history. */
  after?: ComponentChildren;
}

/** An editor page: heading, the problems to fix, the form left and the sticky live preview right. */
export function EditorLayout({ head, errors, onSubmit, children, preview, after }: Props) {
  return (
    <>
      {head}
      <ErrorSummary errors={errors} />
      <div class="editor-layout">
        <form class="editor-form" onSubmit={onSubmit} noValidate>
          {children}
        </form>
        <div class="editor-side">{preview}</div>
      </div>
      {after}
      <VocabularyLists />
    </>
  );
}
