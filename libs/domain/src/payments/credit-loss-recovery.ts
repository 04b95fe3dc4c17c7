import type { InvoiceState } from '../lifecycle/states';

/** Money paid to an invoice beyond what is open on it, and what the invoice's write-off left to recover. */
export interface ExcessPayment {
  /** The invoice's state when the payment is allocated. */
  readonly state: InvoiceState;
  /** What the payment brings beyond what is open on the invoice (all of it when the invoice is closed), in cents. */
  readonly excessCents: number;
  /** What was written off: the invoice's total less its credit notes and the payments allocated to it, in cents. */
  readonly writtenOffCents: number;
  /** What earlier payments have already recovered of that write-off, in cents. */
  readonly recoveredBeforeCents: number;
}

/** How the excess is booked: a recovered credit loss, and the rest on the client's credit balance. */
export interface ExcessBooking {
  readonly recoveredCents: number;
  readonly creditCents: number;
}

const wholeCents = (value: number, field: string): number => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${field} must be whole cents, not negative: ${value}`);
  return value;
};

/**
 * A payment to a written-off invoice (docs/payments.md) is a **recovered credit loss**
 * (palautunut luottotappio / återvunnen kundförlust) up to what was written off and not yet
 * recovered: it is income, not the client's money to pay back. Only what goes beyond that is an
 * overpayment for the client's credit balance, with its refund proposal. A payment beyond what is
 * open on any other invoice (open, or paid, credited or waived) is credit balance in full.
 */
export function bookExcessPayment(payment: ExcessPayment): ExcessBooking {
  const excess = wholeCents(payment.excessCents, 'excessCents');
  const writtenOff = wholeCents(payment.writtenOffCents, 'writtenOffCents');
  const recoveredBefore = wholeCents(payment.recoveredBeforeCents, 'recoveredBeforeCents');
  if (payment.state !== 'written-off') return { recoveredCents: 0, creditCents: excess };
  const recoveredCents = Math.min(excess, Math.max(0, writtenOff - recoveredBefore));
  return { recoveredCents, creditCents: excess - recoveredCents };
}
