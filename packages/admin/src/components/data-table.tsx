import { download, toCsv, type Column } from '../models/csv.js';

interface DataTableProps<Row> {
  caption: string;
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  /** File name of the CSV export, without extension. */
  exportName: string;
  /** Folded under a "Table: caption" disclosure: for a table that repeats the numbers of a chart above it. */
  folded?: boolean;
}

/** Two decimals are what a person reads; the CSV keeps the API's unrounded value for analysis. */
const shown = (value: string | number | null) => (value === null ? '—' : typeof value === 'number' ? Math.round(value * 100) / 100 : value);

/** Every table in the console can be exported as CSV with the cells it shows, numbers unrounded. */
export function DataTable<Row>({ folded = false, ...props }: DataTableProps<Row>) {
  if (!folded) return <Table {...props} />;
  return (
    <details class="fold">
      <summary>Table: {props.caption}</summary>
      <Table {...props} />
    </details>
  );
}

function Table<Row>({ caption, rows, columns, exportName }: Omit<DataTableProps<Row>, 'folded'>) {
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
                <td key={column.header}>{shown(column.value(row))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
