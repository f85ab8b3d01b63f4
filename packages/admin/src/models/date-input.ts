/**
 * `<input type="datetime-local">` speaks local wall-clock time without an offset; the schemas want
 * ISO 8601 instants. Unparseable text passes through unchanged so the schema names the field.
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the input's value, in the browser's time zone; empty for none. */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The input's value as an ISO instant; undefined when empty. */
export function fromLocalInput(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** Whole numbers and decimals become numbers; empty is undefined; anything else stays text for the schema to refuse. */
export function numberInput(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  return Number.isFinite(Number(text)) ? Number(text) : text;
}

export const optionalText = (text: string) => (text.trim() === '' ? undefined : text);
export const numberText = (value: number | undefined) => (value === undefined ? '' : String(value));
