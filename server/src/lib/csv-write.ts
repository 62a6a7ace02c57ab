/** A CSV cell: text as is, numbers and booleans as written, null and undefined as empty. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

// OWASP's list of leading characters that make Excel, LibreOffice or Sheets evaluate a cell.
const FORMULA_START = /^[=+\-@\t\r]/;

function quoted(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function cell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are ours, not user text: a negative number stays a number.
  if (typeof value !== 'string') return String(value);
  if (FORMULA_START.test(value)) return quoted(`'${value}`);
  return NEEDS_QUOTES.test(value) ? quoted(value) : value;
}

/**
 * RFC 4180 CSV: a header line, CRLF line ends, and fields quoted when they hold a comma, a
 * quote, a line break or edge whitespace (quotes doubled inside). Text is kept exactly, so a
 * CSV parser gives back what was written, except text a spreadsheet would run as a formula
 * (starting with `=`, `+`, `-`, `@`, tab or carriage return): that is written quoted behind a
 * single quote, as OWASP advises, so it opens as text.
 */
export function toCsv<K extends string>(columns: readonly K[], rows: readonly Record<K, CsvValue>[]): string {
  const lines = [columns.map(cell).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
