import { isAfter, type LocalDate } from '../dates';
import type { InvoiceState } from '../lifecycle/states';

/** The states a paid invoice reopens in: the calendar decides (see `reopeningAfterReversal`). */
export type ReopenedState = 'issued' | 'partially-paid' | 'overdue';

export interface ReopeningFacts {
  /** The invoice's stored state when the reversal is applied. */
  state: InvoiceState;
  /** The due date in force (a deferral's included); null if never set. */
  dueDate: LocalDate | null;
  /** The organisation's calendar day on which the reversal is applied. */
  today: LocalDate;
  totalCents: number;
  /** Credit notes on the invoice. */
  creditedCents: number;
  /** What stays allocated to the invoice once the reversal's negative rows are written. */
  allocatedCents: number;
}

export type Reopening =
  | { kind: 'stays' }
  | { kind: 'reopen'; state: ReopenedState; openCents: number }
  | { kind: 'for-a-person'; reason: string };

/**
 * What a bank's reversal does to the invoice its payment was put on (issue 16: "a paid invoice
 * becomes open again and its lifecycle resumes"). Undoing the allocation is always done; this
 * decides the invoice's state afterwards.
 *
 * - An invoice that is still open stays in its lifecycle, which counts the reversal's negative
 *   payment and is open again by that much (`stays`).
 * - A **paid** invoice with something open again is **reopened** in the state the calendar gives
 *   it on the day the reversal is imported: on or before its due date (a deferred one included)
 *   `issued`, or `partially-paid` if other payments still stand; after it `overdue`. A reminder
 *   or collection the invoice had reached before it was paid is not taken up again: the client
 *   answered them by paying, as far as anyone knew, so the resumed lifecycle waits for the next
 *   transfer run to send a new reminder (seed 000: overdue → the first transfer run ≥ 17 days
 *   after the due date → reminded → the agency).
 * - A paid invoice that other payments still cover stays paid (`stays`).
 * - A **credited**, **waived** or **written-off** invoice stays closed: a person decides whether
 *   the client owes anything (a credit note or a waiver made after the payment, a credit loss
 *   already booked) — the reversal says so (`for-a-person`).
 */
export function reopeningAfterReversal(facts: ReopeningFacts): Reopening {
  const openCents = facts.totalCents - facts.creditedCents - facts.allocatedCents;
  switch (facts.state) {
    case 'paid': {
      if (openCents <= 0) return { kind: 'stays' };
      if (facts.dueDate !== null && isAfter(facts.today, facts.dueDate)) return { kind: 'reopen', state: 'overdue', openCents };
      return { kind: 'reopen', state: facts.allocatedCents > 0 ? 'partially-paid' : 'issued', openCents };
    }
    case 'credited':
    case 'waived':
    case 'written-off':
      return {
        kind: 'for-a-person',
        reason: `the invoice is ${facts.state} and stays so: a person decides whether the client owes anything now that the payment is taken back (${Math.max(0, openCents)} cents of it unpaid)`,
      };
    default:
      return { kind: 'stays' };
  }
}
