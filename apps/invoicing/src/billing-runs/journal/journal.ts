import { DomainValidationError } from '@clientfees/domain';

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

const AMOUNT = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * An amount as whole cents (öre), exactly: "0.10" → 10n, "-3.5" → -350n. More than two decimals,
 * exponents, spaces or a decimal comma are refused rather than rounded.
 */
export function parseCents(amount: string, field?: string): bigint {
  const match = typeof amount === 'string' ? AMOUNT.exec(amount) : null;
  if (!match) throw new DomainValidationError('must be a decimal amount with at most two decimals, e.g. "123.45"', field);
  const [, sign, units, fraction = ''] = match;
  const cents = BigInt(units) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -cents : cents;
}

/** Whole cents as a decimal string with two decimals and a dot: 30n → "0.30", -1005n → "-10.05". */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const magnitude = negative ? -cents : cents;
  const units = magnitude / 100n;
  const fraction = (magnitude % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${units}.${fraction}`;
}

/** Orders account strings by their characters (locale-independent, so the order never varies); `null` last. */
export function compareAccountStrings(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * The journal's totals, summed as integer cents: the number of invoices, the sum of their totals and
 * the rows' amounts per account string.
 */
export function journalTotals(journal: Journal): JournalTotals {
  let total = 0n;
  const byAccount = new Map<string | null, bigint>();
  journal.invoices.forEach((invoice, i) => {
    total += parseCents(invoice.total, `invoices[${i}].total`);
    invoice.rows.forEach((row, j) => {
      const amount = parseCents(row.amount, `invoices[${i}].rows[${j}].amount`);
      byAccount.set(row.accountString, (byAccount.get(row.accountString) ?? 0n) + amount);
    });
  });
  const byAccountString = [...byAccount.entries()]
    .sort(([a], [b]) => compareAccountStrings(a, b))
    .map(([accountString, cents]) => ({ accountString, total: formatCents(cents) }));
  return { invoiceCount: journal.invoices.length, total: formatCents(total), byAccountString };
}
