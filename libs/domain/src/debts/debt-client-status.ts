import { firstDayOfMonth, isBefore, isOnOrAfter, isOnOrBefore, LocalDate } from '../dates/local-date';
import type { DebtClientStatus } from './month-end-review';

/** What invoicing knows of a client behind claims, for the month-end debt list. */
export interface DebtClientFacts {
  /** From the client register (a recorded death). */
  readonly dateOfDeath: LocalDate | null;
  /** The end of the client's latest billing settings in force by the list's date; null when open-ended. */
  readonly settingsValidTo: LocalDate | null;
  /**
   * The effective date of the latest address change the population register reported that moved
   * the client's billing settings (a new address, or an address put under a security ban), on or
   * before the list's date; null when there is none.
   */
  readonly movedOn: LocalDate | null;
}

/**
 * The client's status on the debt list of `asOf` (seed 004: the finance office is told of
 * deceased, moved and closed cases): `deceased` when a death is recorded; `closed` when the
 * billing settings ended before `asOf`; `moved` when the population register reported a move
 * taking effect in the month that ends on `asOf` (from its first day up to `asOf`), so each move
 * is reported at the month end that follows it; `active` otherwise. A death outranks the end of
 * the services, and both outrank a move: the finance office is told the weightier fact.
 */
export function debtClientStatus(facts: DebtClientFacts, asOf: LocalDate): DebtClientStatus {
  if (facts.dateOfDeath !== null) return 'deceased';
  if (facts.settingsValidTo !== null && isBefore(facts.settingsValidTo, asOf)) return 'closed';
  if (facts.movedOn !== null && isOnOrAfter(facts.movedOn, firstDayOfMonth(asOf)) && isOnOrBefore(facts.movedOn, asOf)) return 'moved';
  return 'active';
}
