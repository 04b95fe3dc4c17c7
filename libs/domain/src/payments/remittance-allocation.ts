/**
 * How one payment is put on invoices when the payer's remittance names documents: invoices paid
 * (with the amount remitted for each) and credit notes deducted (FI hyvityslasku, SV kreditfaktura).
 *
 * A Finnish payer nets a credit note against an invoice in one transfer (Finance Finland's
 * credit-advice sample: 1,900.00 = invoice 3900's 2,500.00 − credit note 12344's 600.00), and
 * Handelsbanken reports invoices and credit notes by number. Our credit notes already lower their
 * invoice's open amount, so a credit note the payer deducts is settled against its invoice when that
 * invoice is among those paid; the cash goes to the invoices, each its remitted amount less the credit
 * notes deducted for it.
 *
 * Money is never put on an invoice by guesswork: when any document cannot be matched (an unknown
 * reference, a credit note of an invoice this payment does not pay), the whole payment waits in the
 * unmatched queue with the reasons, for the finance centre to allocate by hand.
 */
export interface RemittedDocument {
  /** How the payer named it, for reasons: `reference 3900`, `invoice number 9580572`. */
  label: string;
  /** `RmtdAmt`, in cents: paid for this document. */
  remittedCents: number | null;
  /** `CdtNoteAmt`, in cents: deducted as a credit note. */
  creditNoteCents: number | null;
  match: DocumentMatch;
}

export type DocumentMatch =
  | { kind: 'invoice'; invoiceId: string; openCents: number }
  | { kind: 'credit-note'; creditNoteId: string; invoiceId: string }
  | { kind: 'none'; problem: string };

export type AllocationPlan =
  | {
      kind: 'allocate';
      /** In the order the payer listed the invoices; no zero parts. */
      allocations: Array<{ invoiceId: string; cents: number }>;
      /** More than the invoices had open: to the client's credit balance, recorded on this invoice. */
      excess: { invoiceId: string; cents: number } | null;
      /** Credit notes the payer deducted, each belonging to an invoice paid here. */
      settledCreditNotes: string[];
    }
  | { kind: 'unmatched'; reason: string };

export function planRemittanceAllocation(paymentCents: number, documents: readonly RemittedDocument[]): AllocationPlan {
  if (!Number.isSafeInteger(paymentCents) || paymentCents <= 0) throw new RangeError('a payment is a positive whole number of cents');
  if (documents.length === 0) return { kind: 'unmatched', reason: 'the payment names no invoice' };

  const problems = documents.flatMap((document) => (document.match.kind === 'none' ? [`${document.label}: ${document.match.problem}`] : []));
  if (problems.length > 0) return { kind: 'unmatched', reason: problems.join('; ') };

  const invoices: Array<{ invoiceId: string; openCents: number; remitted: number | null; deducted: number }> = [];
  for (const document of documents) {
    if (document.match.kind !== 'invoice') continue;
    const { invoiceId, openCents } = document.match;
    const known = invoices.find((invoice) => invoice.invoiceId === invoiceId);
    const remitted = document.remittedCents;
    if (known) known.remitted = known.remitted === null || remitted === null ? null : known.remitted + remitted;
    else invoices.push({ invoiceId, openCents, remitted, deducted: 0 });
    // A credit note amount on the invoice's own line lowers what is paid for it.
    if (document.creditNoteCents) (known ?? invoices[invoices.length - 1]).deducted += document.creditNoteCents;
  }
  if (invoices.length === 0) return { kind: 'unmatched', reason: 'the payment names credit notes only, no invoice to pay' };

  const settledCreditNotes: string[] = [];
  for (const document of documents) {
    if (document.match.kind !== 'credit-note') continue;
    const { creditNoteId, invoiceId } = document.match;
    const paid = invoices.find((invoice) => invoice.invoiceId === invoiceId);
    if (!paid) return { kind: 'unmatched', reason: `${document.label}: a credit note of an invoice this payment does not pay, so the deduction cannot be settled` };
    paid.deducted += document.creditNoteCents ?? 0;
    settledCreditNotes.push(creditNoteId);
  }

  // The payer's own split, when it states one for every invoice and it adds up to the payment;
  // otherwise the invoices are filled in the order listed, each up to what it has open.
  const shares = invoices.every((invoice) => invoice.remitted !== null) ? invoices.map((invoice) => Math.max(0, invoice.remitted! - invoice.deducted)) : null;
  const split = shares && shares.reduce((sum, share) => sum + share, 0) === paymentCents ? shares : null;

  const allocations: Array<{ invoiceId: string; cents: number }> = [];
  let excessCents = 0;
  let excessInvoiceId = invoices[invoices.length - 1].invoiceId;
  let left = paymentCents;
  invoices.forEach((invoice, i) => {
    const offered = split ? split[i] : i === invoices.length - 1 ? left : Math.min(left, invoice.openCents);
    const cents = Math.min(offered, invoice.openCents);
    if (cents > 0) allocations.push({ invoiceId: invoice.invoiceId, cents });
    if (offered > cents) {
      excessCents += offered - cents;
      excessInvoiceId = invoice.invoiceId;
    }
    left -= offered;
  });
  return { kind: 'allocate', allocations, excess: excessCents > 0 ? { invoiceId: excessInvoiceId, cents: excessCents } : null, settledCreditNotes };
}
