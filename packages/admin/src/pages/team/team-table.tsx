import type { ComponentChildren } from 'preact';

/** A row's one action: the button reads `label`, a screen reader hears `label subject` ("Remove ada@acme.test"). */
export interface RowAction {
  label: string;
  subject: string;
  run: () => void;
}

interface Props<T> {
  caption: ComponentChildren;
  columns: readonly string[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  cells: (row: T) => ComponentChildren[];
  /** With it, an Actions column: a button, a note ("This session") or nothing per row. */
  action?: (row: T) => RowAction | string | null;
}

/** The team and audit pages' tables: a caption, plain columns, and at most one action per row. */
export function TeamTable<T>({ caption, columns, rows, rowKey, cells, action }: Props<T>) {
  return (
    <div class="table-card">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
            {action && <th scope="col">Actions</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {cells(row).map((cell, index) => (
                <td key={index}>{cell}</td>
              ))}
              {action && <td>{actionCell(action(row))}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function actionCell(action: RowAction | string | null): ComponentChildren {
  if (action === null || typeof action === 'string') return action;
  return (
    <button type="button" class="secondary small" onClick={action.run}>
      {action.label}
      <span class="visually-hidden"> {action.subject}</span>
    </button>
  );
}
