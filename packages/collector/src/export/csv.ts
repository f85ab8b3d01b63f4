/** The exports' CSV writer: the one implementation lives in @hearth/schema, shared with the console. */
export { csvField, toCsv, type CsvCell } from '@hearth/schema';
