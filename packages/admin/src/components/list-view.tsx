import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { download, toCsv, type Column } from '../models/csv.js';
import { STATUSES, countByStatus, filterEntries, type ListEntry, type ListFilter } from '../models/prompt-list.js';
import { ConsoleLink } from '../shell/console-link.js';
import { canEdit } from '../models/session.js';
import { EmptyState } from './empty-state.js';

export interface ListRow extends ListEntry {
  version: number;
  /** Key figures, in the order of `figureHeaders`. */
  figures: string[];
  /** Console route of the editor, when this kind has one. */
  link?: string;
  actions?: ComponentChildren;
}

interface Props {
  kind: string;
  rows: readonly ListRow[];
  figureHeaders: readonly string[];
  emptyHint: ComponentChildren;
  /** Archives the ticked rows at once. */
  onArchiveSelected: (ids: string[]) => unknown;
}

/** The exported list: what the table shows, as plain values. */
function csvColumns(figureHeaders: readonly string[]): Column<ListRow>[] {
  return [
    { header: 'Id', value: (row) => row.id },
    { header: 'Name', value: (row) => row.name },
    { header: 'Status', value: (row) => row.status },
    ...figureHeaders.map((header, index) => ({ header, value: (row: ListRow) => row.figures[index] ?? null })),
    { header: 'Version', value: (row) => row.version },
    { header: 'Changed', value: (row) => row.updatedAt },
  ];
}

/** Any prompt kind's list: search, status filter with counts, key figures, row actions and bulk archive. */
export function ListView({ kind, rows, figureHeaders, emptyHint, onArchiveSelected }: Props) {
  const [filter, setFilter] = useState<ListFilter>({ search: '', status: 'all' });
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const visible = filterEntries(rows, filter);
  // Only rows still shown count: a filter change never archives what the person cannot see.
  const chosen = visible.filter((row) => selected.has(row.id)).map((row) => row.id);
  const allChosen = visible.length > 0 && chosen.length === visible.length;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  const counts = countByStatus(rows);
  const id = kind.toLowerCase();
  return (
    <>
      <div class="filters" role="search" aria-label={`Find ${id}`}>
        <label for={`${id}-search`}>Search</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filter.search}
          onInput={(e) => setFilter({ ...filter, search: e.currentTarget.value })}
        />
        <label for={`${id}-status`}>Status</label>
        <select
          id={`${id}-status`}
          value={filter.status}
          onChange={(e) => setFilter({ ...filter, status: e.currentTarget.value as ListFilter['status'] })}
        >
          <option value="all">All ({rows.length})</option>
          {STATUSES.map((status) => (
            <option key={status} value={status}>
              {status} ({counts[status]})
            </option>
          ))}
        </select>
      </div>
      {rows.length === 0 ? (
        <EmptyState level={2} title={`No ${id} yet`}>
          {emptyHint}
        </EmptyState>
      ) : visible.length === 0 ? (
        <EmptyState level={2} title="Nothing matches">
          Clear the search or pick another status.
        </EmptyState>
      ) : (
        <>
          <div class="actions" role="group" aria-label={`${kind}: selection`}>
            {canEdit.value && (
              <button
                type="button"
                class="secondary"
                disabled={chosen.length === 0}
                onClick={() => void Promise.resolve(onArchiveSelected(chosen)).then(() => setSelected(new Set()))}
              >
                Archive selected ({chosen.length})
              </button>
            )}
            <button type="button" class="secondary" onClick={() => download(`${id}.csv`, toCsv(visible, csvColumns(figureHeaders)))}>
              Export CSV
            </button>
          </div>
          <div class="table-card">
            <table>
              <caption class="visually-hidden">{kind}; figures cover the last 30 days</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <input
                      type="checkbox"
                      aria-label={`Select all ${id} shown`}
                      checked={allChosen}
                      onChange={(e) => setSelected(e.currentTarget.checked ? new Set(visible.map((row) => row.id)) : new Set())}
                    />
                  </th>
                  <th scope="col">{kind.replace(/s$/, '')}</th>
                  <th scope="col">Status</th>
                  {figureHeaders.map((header) => (
                    <th scope="col" key={header}>
                      {header}
                    </th>
                  ))}
                  <th scope="col">Version</th>
                  <th scope="col">Changed</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {visible.map((row) => (
                  <tr key={row.id}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Select ${row.name || row.id}`}
                        checked={selected.has(row.id)}
                        onChange={(e) => toggle(row.id, e.currentTarget.checked)}
                      />
                    </td>
                    <td>
                      {row.link ? <ConsoleLink to={row.link}>{row.name || row.id}</ConsoleLink> : row.name || row.id}
                      <div class="hint">{row.id}</div>
                    </td>
                    <td>
                      <span class={`status status--${row.status}`}>{row.status}</span>
                    </td>
                    {row.figures.map((figure, index) => (
                      <td key={index}>{figure}</td>
                    ))}
                    <td>{row.version}</td>
                    <td>{new Date(row.updatedAt).toLocaleString()}</td>
                    <td>{row.actions}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p class="hint">Figures cover the last 30 days.</p>
        </>
      )}
    </>
  );
}
