import type { ComponentChildren } from 'preact';
import { ListView, type ListRow } from '../components/list-view.js';
import { ConsoleLink } from '../shell/console-link.js';

interface Props {
  /** Plural, as the heading and the list's name: "Surveys". */
  kind: string;
  /** Editor route and label of the "New …" button. */
  newRoute: string;
  newLabel: string;
  message: string;
  /** Null while the list is loading. */
  rows: readonly ListRow[] | null;
  figureHeaders: readonly string[];
  onArchiveSelected: (ids: string[]) => unknown;
  emptyHint: ComponentChildren;
}

/** A kind's list page: heading with "From a template" and "New …", the outcome message and the list. */
export function ListPage({ kind, newRoute, newLabel, message, rows, figureHeaders, onArchiveSelected, emptyHint }: Props) {
  return (
    <>
      <div class="page-head">
        <h1>{kind}</h1>
        <div class="actions">
          <ConsoleLink to="templates" class="button secondary">
            From a template
          </ConsoleLink>
          <ConsoleLink to={newRoute} class="button">
            {newLabel}
          </ConsoleLink>
        </div>
      </div>
      <p role="status" class="message">
        {message}
      </p>
      {rows === null ? (
        <p aria-busy="true">Loading {kind.toLowerCase()}…</p>
      ) : (
        <ListView kind={kind} rows={rows} figureHeaders={figureHeaders} emptyHint={emptyHint} onArchiveSelected={onArchiveSelected} />
      )}
    </>
  );
}
