import { toCsv as writeCsv } from '@hearth/schema';

/** One column of an exported table: its header and how to read a row's cell. */
export interface Column<Row> {
  header: string;
  value: (row: Row) => string | number | null;
}

/**
 * RFC 4180 CSV through the collector's own writer (@hearth/schema), so the console's downloads
 * defuse formula-like cells exactly as the server's exports do.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  return writeCsv(
    columns.map((column) => column.header),
    rows.map((row) => columns.map((column) => column.value(row))),
  );
}

/** Saves text as a file through a temporary object URL. */
export function download(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
