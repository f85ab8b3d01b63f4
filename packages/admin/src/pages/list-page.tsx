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
  onArchiveSelected: (ids: string[]) => unknown;
  emptyHint: ComponentChildren;
}

const Link = ({ to, class: className, children }: { to: string; class: string; children: ComponentChildren }) => (
  <a class={className} href={href(to)} onClick={(e) => (e.preventDefault(), navigate(to))}>
    {children}
  </a>
);

/** A kind's list page: heading with "From a template" and "New …", the outcome message and the list. */
export function ListPage({ kind, newRoute, newLabel, message, rows, figureHeaders, onArchiveSelected, emptyHint }: Props) {
  return (
    <>
      <div class="page-head">
        <h1>{kind}</h1>
        <div class="actions">
          <Link to="templates" class="button secondary">
            From a template
          </Link>
          <Link to={newRoute} class="button">
            {newLabel}
          </Link>
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
