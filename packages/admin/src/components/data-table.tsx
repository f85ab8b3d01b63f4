import { download, toCsv, type Column } from '../models/csv.js';

interface DataTableProps<Row> {
  caption: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** File name of the CSV export, without extension. */
  exportName: string;
}

/** Every table in the console can be exported as CSV with exactly the cells it shows. */
export function DataTable<Row>({ caption, rows, columns, exportName }: DataTableProps<Row>) {
  return (
    <div class="table-wrap">
      <table>
        <caption>
          {caption}{' '}
          <button type="button" class="secondary" onClick={() => download(`${exportName}.csv`, toCsv(rows, columns))}>
            Export CSV
          </button>
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.header}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={index}>
              {columns.map((column) => (
                <td key={column.header}>{column.value(row) ?? '—'}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
