/**
 * CSV for a spreadsheet: RFC 4180 records (CRLF line ends, a field quoted when it holds the
 * separator, a double quote, CR or LF; a double quote inside doubled) with a semicolon as the
 * separator, which Excel set to a Nordic locale opens without an import dialogue, and UTF-8 with a
 * byte-order mark so that å, ä and ö read right. A text a spreadsheet would take for a formula gets
 * a leading apostrophe (OWASP's CSV injection list); a number such as "-12.50" stays as it is.
 */
export const CSV_SEPARATOR = ';';
export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: ReadonlyArray<string | number | null | undefined>): string {
  return fields.map(csvField).join(CSV_SEPARATOR) + CRLF;
}

/** A whole table: the byte-order mark, the header line and one line per row. */
export function csvTable(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>): string {
  return CSV_BOM + csvLine(header) + rows.map(csvLine).join('');
}
