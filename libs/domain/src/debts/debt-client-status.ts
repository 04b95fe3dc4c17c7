import { firstDayOfMonth, isBefore, isOnOrAfter, isOnOrBefore, LocalDate } from '../dates/local-date';
import type { DebtClientStatus } from './month-end-review';

/**
 * An address change the population register reported that moved the client's billing settings
 * (a new address, or an address put under a security ban). Any such change counts as a move:
 * seed 004's "utflyttade" means moved out of the organisation's area, but neither the
 * organisation's municipalities nor the client's home municipality with the change are known
 * (ADR 0035).
 */
export interface RegisterMove {
  /** The day the move took effect (the register's alkupv / the day it applies from). */
  readonly effectiveDate: LocalDate;
  /** The day invoicing recorded the register's report of it, in the organisation's time zone. */
  readonly recordedOn: LocalDate;
}

/** What invoicing knows of a client behind claims, for the month-end debt list. */
export interface DebtClientFacts {
  /** From the client register (a recorded death). */
  readonly dateOfDeath: LocalDate | null;
  /** The end of the client's latest billing settings in force by the list's date; null when open-ended. */
  readonly settingsValidTo: LocalDate | null;
  /** Every move the population register reported for the client, in any order. */
  readonly moves: readonly RegisterMove[];
}

/** The later of two dates. */
const laterOf = (a: LocalDate, b: LocalDate): LocalDate => (isBefore(a, b) ? b : a);

/**
 * The move the debt list of `asOf` reports, by the day it took effect; null when it reports none.
 * Seed 004 (Söderköping, "Rutin Skuldfordringar"): at the month end the fee officer tells the
 * finance office of moved clients. A move is told on the first month-end list made once it has
 * both taken effect and been recorded: the list of the month of the later of the two days (from
 * its first day up to `asOf`). So a move recorded after its month's list was made — the register
 * reported it late — is told on the next list, with the day it took effect; one recorded on a
 * month's last day is on that month's list, one recorded on the first day on the next month's;
 * a move dated ahead is told once it takes effect. Each move is told on one list only. Of two
 * moves told on the same list, the one that took effect last is reported.
 */
export function reportedMove(moves: readonly RegisterMove[], asOf: LocalDate): LocalDate | null {
  const monthStart = firstDayOfMonth(asOf);
  let reported: LocalDate | null = null;
  for (const move of moves) {
    const known = laterOf(move.effectiveDate, move.recordedOn);
    if (!isOnOrAfter(known, monthStart) || !isOnOrBefore(known, asOf)) continue;
    if (reported === null || isBefore(reported, move.effectiveDate)) reported = move.effectiveDate;
  }
  return reported;
}

/**
 * The client's status on the debt list of `asOf` (seed 004: the finance office is told of
 * deceased, moved and closed cases): `deceased` when a death is recorded; `closed` when the
 * billing settings ended before `asOf`; `moved` when the list reports a move (`reportedMove`:
 * the first month-end list after the move both took effect and was recorded); `active`
 * otherwise. A death outranks the end of the services, and both outrank a move: the finance
 * office is told the weightier fact.
 */
export function debtClientStatus(facts: DebtClientFacts, asOf: LocalDate): DebtClientStatus {
  if (facts.dateOfDeath !== null) return 'deceased';
  if (facts.settingsValidTo !== null && isBefore(facts.settingsValidTo, asOf)) return 'closed';
  if (reportedMove(facts.moves, asOf) !== null) return 'moved';
  return 'active';
}
