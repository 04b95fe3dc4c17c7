/** What a transaction (or an entry without details) is, for a creditor who receives client payments. */
export type Classification = { kind: 'payment' } | { kind: 'reversal' } | { kind: 'ignored'; reason: string };

export interface TransactionFacts {
  /** The transaction's own `CdtDbtInd` where it has one (a netted entry holds both), else the entry's. */
  direction: 'CRDT' | 'DBIT';
  /** The entry's `RvslInd`: the booking undoes an earlier one of the opposite direction. */
  reversal: boolean;
  /** The entry's status code (BOOK, PDNG, INFO, FUTR) or the bank's proprietary status. */
  status: string;
  zeroAmount: boolean;
  /** `RtrInf` as text (reason code and explanation), when the transaction is a returned one. */
  returnInfo: string | null;
  /** `BkTxCd/Domn`: family and sub-family codes, the transaction's own or else the entry's. */
  family: string | null;
  subFamily: string | null;
}

// ISO bank transaction codes that book the return of money received: received credit transfers
// (RCDT) and direct debits (RDDT) being paid back or reversed: RRTN reversal due to a payment
// return, RPCR due to a cancellation request, UPDD an unpaid direct debit, PRDD a payment reversal.
const RECEIVED_FAMILIES = new Set(['RCDT', 'RDDT']);
const REVERSAL_SUB_FAMILIES = new Set(['RRTN', 'RPCR', 'UPDD', 'PRDD']);

const STATUS_MEANING: Record<string, string> = {
  INFO: 'for information only',
  PDNG: 'pending',
  FUTR: 'expected on a future date',
};

/**
 * Sorts each transaction into exactly one of payment, reversal or ignored-with-a-reason.
 *
 * - Only booked money counts (ISO 20022 entry status BOOK): pending, future and information-only
 *   entries are not on the account.
 * - The direction is the transaction's own: banks that net a day into one entry whose sign follows
 *   the day's balance hide the incoming payments of a net-debit day inside a DBIT entry.
 * - A credit that reverses a debit or returns an item (`RvslInd`, `RtrInf`) is never a client's
 *   payment: it is money the payer never paid (a returned direct debit) or our own money coming back.
 * - A debit that reverses a credit (`RvslInd`, `RtrInf`, or a return/reversal bank transaction
 *   code on received money) takes an earlier payment back; any other debit is money paid out.
 */
export function classify(facts: TransactionFacts): Classification {
  const reasons: string[] = [];
  if (facts.status !== 'BOOK') reasons.push(`not booked (status ${facts.status}${STATUS_MEANING[facts.status] ? `: ${STATUS_MEANING[facts.status]}` : ''}), so nothing is on the account`);
  const returned = facts.returnInfo ? ` (${facts.returnInfo})` : '';
  const takesBack = facts.reversal || facts.returnInfo !== null || (RECEIVED_FAMILIES.has(facts.family ?? '') && REVERSAL_SUB_FAMILIES.has(facts.subFamily ?? ''));
  if (facts.direction === 'CRDT' && (facts.reversal || facts.returnInfo !== null)) {
    reasons.push(`a returned or reversed item${returned}, not money received from a payer`);
  } else if (facts.direction === 'DBIT' && !takesBack) {
    reasons.push('a debit: money paid out of the account (a fee or an outgoing payment), not a client payment');
  } else if (facts.direction === 'DBIT' && reasons.length > 0) {
    reasons.push(`it would take back an earlier payment${returned}`);
  }
  if (facts.zeroAmount) reasons.push('the amount is zero');
  if (reasons.length > 0) return { kind: 'ignored', reason: capitalise(reasons.join('; ')) };
  return facts.direction === 'CRDT' ? { kind: 'payment' } : { kind: 'reversal' };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
