import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Decimal from 'decimal.js';
import { isDomainValidationError } from '@clientfees/domain';
import { camt054View, type Camt054View, minorUnitDigits, parseCamt054 } from '@clientfees/iso20022';
import { UsageError } from '../usage-error';

export const camt054Help = `clientfees camt054 FILE [--json]
  Reads a bank's ISO 20022 camt.054 notification (versions .02 to .10) without importing it and
  lists every transaction as exactly one of: a payment, a reversal of an earlier payment, or an
  ignored item with its amount and the reason (a debit, not booked, a returned item, ...).
  --json prints {"messageId", "version", "account", "payments": [{"amount", "currency",
  "references", "bookingDate", "paymentDate", "externalId", "debtorName"}], "reversals":
  [{"amount", "currency", "externalId", "reversesExternalId"}], "ignored": [{"amount",
  "currency", "reason"}]}. A file it cannot read is reported on stderr with exit status 2.`;

export function camt054Command(argv: string[]): string {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError('FILE is required: the camt.054 XML file to read');
  if (extra.length > 0) throw new UsageError(`one FILE at a time, not ${parsed.positionals.length}`);

  let xml: string;
  try {
    xml = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let view: Camt054View;
  try {
    view = camt054View(parseCamt054(xml));
  } catch (error) {
    if (isDomainValidationError(error)) throw new UsageError(`${file}: ${error.field ? `${error.field}: ` : ''}${error.reason}`);
    throw error;
  }
  return parsed.values.json ? JSON.stringify(view) : text(view);
}

function text(view: Camt054View): string {
  const lines = [
    `${view.version} ${view.messageId}, account ${view.account ?? 'several (see each line)'}`,
    `${count(view.payments, 'payment')}, ${count(view.reversals, 'reversal')}, ${count(view.ignored, 'ignored item')}`,
  ];
  const account = (item: { account?: string | null }) => (item.account ? `  [${item.account}]` : '');
  for (const p of view.payments) {
    const booked = p.paymentDate === p.bookingDate ? '' : ` (booked ${p.bookingDate})`;
    lines.push(`payment   ${money(p)}  ${p.paymentDate}${booked}  refs ${p.references.join(', ') || '-'}  ${p.debtorName ?? ''}  ${p.externalId}${account(p)}`);
  }
  for (const r of view.reversals) lines.push(`reversal  ${money(r)}  ${r.externalId}  reverses ${r.reversesExternalId ?? 'an unnamed payment'}${account(r)}`);
  for (const i of view.ignored) lines.push(`ignored   ${money(i)}  ${i.reason}${account(i)}`);
  return lines.join('\n');
}

function money(item: { amount: string; currency: string }): string {
  return `${item.amount.padStart(12)} ${item.currency}`;
}

/** "3 payments (5,500.00 EUR)", summed per currency. */
function count(items: Array<{ amount: string; currency: string }>, noun: string): string {
  const totals = new Map<string, Decimal>();
  for (const item of items) totals.set(item.currency, (totals.get(item.currency) ?? new Decimal(0)).plus(item.amount));
  const sums = [...totals].map(([currency, total]) => `${total.toFixed(minorUnitDigits(currency))} ${currency}`).join(' + ');
  return `${items.length} ${noun}${items.length === 1 ? '' : 's'}${sums ? ` (${sums})` : ''}`;
}
