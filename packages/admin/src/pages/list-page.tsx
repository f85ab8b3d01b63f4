import type { ComponentChildren } from 'preact';
import { ListView, type ListRow } from '../components/list-view.js';
import { href, navigate } from '../router.js';

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
  emptyHint: ComponentChildren;
}

/** A kind's list page: heading with its "New …" button, the outcome message and the list. */
export function ListPage({ kind, newRoute, newLabel, message, rows, figureHeaders, emptyHint }: Props) {
  return (
    <>
      <div class="page-head">
        <h1>{kind}</h1>
        <a class="button" href={href(newRoute)} onClick={(e) => (e.preventDefault(), navigate(newRoute))}>
          {newLabel}
        </a>
      </div>
      <p role="status" class="message">
        {message}
      </p>
      {rows === null ? (
        <p aria-busy="true">Loading {kind.toLowerCase()}…</p>
      ) : (
        <ListView kind={kind} rows={rows} figureHeaders={figureHeaders} emptyHint={emptyHint} />
      )}
    </>
  );
}
