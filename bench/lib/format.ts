import type { Table } from './report.js';

/** Plain-text table for the terminal, columns padded to their widest cell. */
export function formatText(table: Table): string {
  const widths = table.columns.map((column, i) => Math.max(column.length, ...table.rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    `== ${table.title}`,
    line(table.columns),
    line(widths.map((w) => '-'.repeat(w))),
    ...table.rows.map(line),
    ...(table.notes ?? []).map((note) => `note: ${note}`),
  ].join('\n');
}

/** GitHub-flavoured Markdown table for docs/performance.md and bench/results/latest.md. */
export function formatMarkdown(table: Table): string {
  const escape = (cell: string) => cell.replaceAll('|', '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(escape).join(' | ')} |`;
  return [
    `### ${table.title}`,
    '',
    line(table.columns),
    line(table.columns.map(() => '---')),
    ...table.rows.map(line),
    ...(table.notes?.length ? ['', ...table.notes.map((note) => `- ${note}`)] : []),
  ].join('\n');
}

/** Bytes as KB with one decimal (1 KB = 1,000 bytes, as the budgets are written). */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

export function integer(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}
