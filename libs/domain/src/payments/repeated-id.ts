/**
 * A payment arriving under an id already recorded. The same facts again are the bank re-sending it
 * (in another file, or a file imported twice): nothing new. Different facts under the same id are
 * two payments: a payer-chosen EndToEndId such as "1" is not unique, and neither is a bank's id in
 * an anonymised or badly generated file. The second is then recorded too, under its own id, and
 * held for a person, never dropped.
 */
export interface ReportedPayment {
  amountCents: number;
  currency: string;
  bookingDate: string;
  debtorName: string | null;
  references: readonly string[];
}

/** Null when `incoming` is `recorded` sent again; otherwise what differs, for the person checking. */
export function repeatedIdDifference(recorded: ReportedPayment, incoming: ReportedPayment): string | null {
  const differences = [
    recorded.amountCents !== incoming.amountCents || recorded.currency !== incoming.currency ? 'amount' : null,
    recorded.bookingDate !== incoming.bookingDate ? 'booking date' : null,
    (recorded.debtorName ?? '') !== (incoming.debtorName ?? '') ? 'payer' : null,
    recorded.references.join(' ') !== incoming.references.join(' ') ? 'references' : null,
  ].filter((difference): difference is string => difference !== null);
  return differences.length === 0 ? null : differences.join(', ');
}
