import { Journal, journalTotals } from './journal';

/**
 * The journal as CSV for a spreadsheet: RFC 4180 records (CRLF line ends, fields quoted when they
 * hold the separator, a double quote, CR or LF; a double quote inside doubled) with a semicolon as
 * the separator, which Excel set to a Nordic locale opens without an import dialogue. UTF-8 with a
 * byte-order mark so Excel reads å, ä and ö right.
 *
 * Layout: the header line and one line per invoice row; then, after an empty line each, the
 * sections "Reported services", "Clients not invoiced" (one line per error) and "Totals per account
 * string". A section is a title line, its own header line and its lines. Amounts and quantities are
 * written as the journal gives them, with a dot as the decimal separator.
 */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';
const CRLF = '\r\n';

export const JOURNAL_CSV_HEADER = [
  'Client number',
  'Client name',
  'Recipient',
  'Code',
  'Description',
  'Quantity',
  'Unit price',
  'Amount',
  'Account string',
] as const;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
// What a spreadsheet may read as the start of a formula (OWASP's list: =, +, -, @, tab and CR).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: a text a spreadsheet would take for a formula gets a leading apostrophe (a number such
 * as "-12.50" stays as it is), then it is quoted if it must be.
 */
export function csvField(value: string | null | undefined): string {
  let text = value ?? '';
  if (FORMULA_START.test(text) && !NUMBER.test(text)) text = `'${text}`;
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly (string | null | undefined)[]): string {
  return fields.map(csvField).join(CSV_SEPARATOR) + CRLF;
}

export function renderJournalCsv(journal: Journal): string {
  const totals = journalTotals(journal);
  const lines: string[] = [csvLine(JOURNAL_CSV_HEADER)];

  for (const invoice of journal.invoices) {
    for (const row of invoice.rows) {
      lines.push(
        csvLine([
          invoice.clientNumber,
          invoice.clientName,
          invoice.recipientName,
          row.code,
          row.description,
          row.quantity,
          row.unitPrice,
          row.amount,
          row.accountString,
        ]),
      );
    }
  }

  lines.push(CRLF, csvLine(['Reported services']), csvLine(['Client number', 'Item code', 'Item name', 'Performed on', 'Quantity']));
  for (const service of journal.reportedServices) {
    lines.push(csvLine([service.clientNumber, service.itemCode, service.itemName, service.performedOn, service.quantity]));
  }

  lines.push(CRLF, csvLine(['Clients not invoiced']), csvLine(['Client number', 'Client name', 'Error']));
  for (const problem of journal.problems) {
    const errors = problem.errors.length > 0 ? problem.errors : [''];
    for (const error of errors) lines.push(csvLine([problem.clientNumber, problem.clientName, error]));
  }

  lines.push(CRLF, csvLine(['Totals per account string']), csvLine(['Account string', `Total (${journal.organisation.currency})`]));
  for (const { accountString, total } of totals.byAccountString) lines.push(csvLine([accountString ?? '', total]));
  lines.push(csvLine(['Invoices', String(totals.invoiceCount)]), csvLine(['Total', totals.total]));

  return BOM + lines.join('');
}
