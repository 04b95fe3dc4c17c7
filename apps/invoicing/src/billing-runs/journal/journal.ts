import { Money } from '@clientfees/domain';

/**
 * The billing run's journal (seed 002: "journal"): what the billing team reviews before a run is
 * approved — the period's invoices, the services reported for the period and the clients that could
 * not be invoiced. The renderers (`journal-csv.ts`, `journal-pdf.ts`) take this plain value; they
 * read no clock and no database, so the same journal always renders to the same bytes.
 *
 * Amounts are decimal strings in the organisation's currency with at most two decimals
 * ("123.45", "-3.5", "12"), as the invoices carry them.
 */
export interface JournalRow {
  description: string;
  code: string | null;
  quantity: string | null;
  unitPrice: string | null;
  amount: string;
  accountString: string | null;
}

export interface JournalInvoice {
  clientNumber: string;
  clientName: string;
  recipientName: string;
  total: string;
  rows: JournalRow[];
}

export interface JournalService {
  clientNumber: string;
  itemCode: string;
  itemName: string;
  performedOn: string;
  quantity: string;
}

export interface JournalProblem {
  clientNumber: string;
  clientName: string;
  errors: string[];
}

export interface Journal {
  organisation: { id: string; name: string; currency: 'EUR' | 'SEK' };
  run: { id: string; period: string; kind: 'monthly' | 'correction'; selectionName: string; invoiceDate: string; state: string };
  /** ISO timestamp, given by the caller (no clock inside). */
  generatedAt: string;
  invoices: JournalInvoice[];
  reportedServices: JournalService[];
  /** Clients in error or not calculated. */
  problems: JournalProblem[];
}

export interface JournalAccountTotal {
  /** `null` collects the rows without an account string. */
  accountString: string | null;
  total: string;
}

export interface JournalTotals {
  invoiceCount: number;
  /** The sum of the invoices' totals. */
  total: string;
  /** The sum of the invoice rows' amounts per account string: by account string, rows without one last. */
  byAccountString: JournalAccountTotal[];
}

/** Orders account strings by their characters (locale-independent, so the order never varies); `null` last. */
export function compareAccountStrings(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The journal's totals, summed exactly as the domain's Money (whole cents): the number of invoices,
 * the sum of their totals and the rows' amounts per account string.
 */
export function journalTotals(journal: Journal): JournalTotals {
  const { currency } = journal.organisation;
  const amount = (text: string, field: string) => Money.parse(text, currency, field);
  let total = Money.zero(currency);
  const byAccount = new Map<string | null, Money>();
  journal.invoices.forEach((invoice, i) => {
    total = total.add(amount(invoice.total, `invoices[${i}].total`));
    invoice.rows.forEach((row, j) => {
      const rowAmount = amount(row.amount, `invoices[${i}].rows[${j}].amount`);
      byAccount.set(row.accountString, (byAccount.get(row.accountString) ?? Money.zero(currency)).add(rowAmount));
    });
  });
  const byAccountString = [...byAccount.entries()]
    .sort(([a], [b]) => compareAccountStrings(a, b))
    .map(([accountString, sum]) => ({ accountString, total: sum.toDecimalString() }));
  return { invoiceCount: journal.invoices.length, total: total.toDecimalString(), byAccountString };
}
