import { addDays, isAfter, isBefore, type LocalDate } from '../dates';

/**
 * Which earlier payment a bank's reversal takes back (a returned credit transfer, a refunded or
 * unpaid direct debit: ISO 20022 `RvslInd`, `RtrInf`). First by the ids that travel with a payment
 * through its return (the id the original was recorded under, its UETR, TxId or EndToEndId on the
 * same receiving account); without them by amount, reference and date: the same amount and
 * currency, a reference in common, booked before the reversal and within the window in which a
 * payer can still claim a direct debit back (SEPA: 13 months for an unauthorised one). One
 * candidate is the original; none or several go to a person, with the reason.
 */
export interface ReversalFacts {
  account: string | null;
  amountCents: number;
  currency: string;
  bookingDate: LocalDate;
  reversesExternalId: string | null;
  endToEndId: string | null;
  transactionId: string | null;
  uetr: string | null;
  /** Normalised references from the reversal's remittance. */
  references: readonly string[];
}

export interface OriginalCandidate extends Omit<ReversalFacts, 'reversesExternalId'> {
  paymentId: string;
  externalId: string;
  /** Already taken back by an earlier reversal. */
  reversed: boolean;
}

export type OriginalChoice = { kind: 'found'; paymentId: string; by: 'bank-reference' | 'amount-reference-date' } | { kind: 'not-found'; reason: string };

export const REVERSAL_WINDOW_DAYS = 400;

export function chooseReversalOriginal(reversal: ReversalFacts, candidates: readonly OriginalCandidate[]): OriginalChoice {
  const byIds = candidates.filter((payment) => sharesBankIds(reversal, payment));
  if (byIds.length > 0) return pick(byIds, 'bank-reference', 'carry the ids of the reversal');

  const earliest = addDays(reversal.bookingDate, -REVERSAL_WINDOW_DAYS);
  const byContent = candidates.filter(
    (payment) =>
      payment.amountCents === reversal.amountCents &&
      payment.currency === reversal.currency &&
      payment.references.some((reference) => reversal.references.includes(reference)) &&
      !isAfter(payment.bookingDate, reversal.bookingDate) &&
      !isBefore(payment.bookingDate, earliest),
  );
  if (byContent.length > 0) return pick(byContent, 'amount-reference-date', `match its amount and reference`);
  const named = [reversal.reversesExternalId && `the id ${reversal.reversesExternalId}`, reversal.references.length > 0 && `the reference ${reversal.references.join(', ')}`].filter(Boolean);
  return {
    kind: 'not-found',
    reason: `no payment found that this reversal takes back${named.length ? ` (it names ${named.join(' and ')})` : ' (it names no payment id or reference)'}: a person finds the original`,
  };
}

function sharesBankIds(reversal: ReversalFacts, payment: OriginalCandidate): boolean {
  if (reversal.reversesExternalId !== null && reversal.reversesExternalId === payment.externalId) return true;
  if (reversal.account !== payment.account) return false;
  const same = (a: string | null, b: string | null) => a !== null && a === b;
  return same(reversal.uetr, payment.uetr) || same(reversal.transactionId, payment.transactionId) || same(reversal.endToEndId, payment.endToEndId);
}

function pick(found: readonly OriginalCandidate[], by: 'bank-reference' | 'amount-reference-date', how: string): OriginalChoice {
  const open = found.filter((payment) => !payment.reversed);
  if (open.length === 1) return { kind: 'found', paymentId: open[0].paymentId, by };
  if (open.length === 0) return { kind: 'not-found', reason: `the payment that would be taken back (${found.map((p) => p.externalId).join(', ')}) has been reversed already` };
  return { kind: 'not-found', reason: `${open.length} payments ${how} (${open.map((p) => p.externalId).join(', ')}): a person chooses the one taken back` };
}
