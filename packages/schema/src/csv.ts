/**
 * CSV writing shared by the collector's exports and the console's downloads: one place decides
 * which cells are defused. Plain functions, no DOM or Node.
 */

/** A cell as callers give it; numbers and booleans are written as they are, null/undefined empty. */
export type CsvCell = string | number | boolean | null | undefined;

/**
 * Cells spreadsheet apps may evaluate as a formula (OWASP "CSV injection"): a comment like
 * `=HYPERLINK("http://evil", "click")` must stay text when a PM opens the export. Apps skip
 * leading whitespace and line breaks, and some read the full-width ＝ ＋ － ＠ as their ASCII
 * twins, so those count as a formula start too; a leading tab, CR or LF always does.
 */
const FORMULA_START = /^(?:[\t\r\n]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;

/** True when a spreadsheet could read `text` as a formula. */
export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/** One field: strings starting like a formula get a leading `'`; quoted when needed (RFC 4180). */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  // Numbers are data, not text someone typed: `-3` stays a number.
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = typeof cell === 'boolean' ? String(cell) : looksLikeFormula(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180 CSV: CRLF after every record (the last included), fields quoted when they hold a comma,
 * quote, CR or LF, quotes doubled. `bom` prepends U+FEFF so Excel reads UTF-8 (Arabic, Norwegian
 * comments) correctly; other tools ignore it.
 */
export function toCsv(header: readonly string[], rows: Iterable<readonly CsvCell[]>, options: { bom?: boolean } = {}): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) {
    if (row.length !== header.length) throw new RangeError(`every row needs ${header.length} cells (the header's), got ${row.length}`);
    lines.push(row.map(csvField).join(','));
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}
