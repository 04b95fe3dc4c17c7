import { firstDayOfMonth, isBefore, isOnOrAfter, isOnOrBefore, LocalDate } from '../dates/local-date';
import type { MunicipalityCode } from '../municipalities/municipality-code';
import type { DebtClientStatus } from './month-end-review';

/**
 * An address change the population register reported that moved the client's billing settings
 * (a new address, or an address put under a security ban). Seed 004's "utflyttade" are clients
 * who moved out of the organisation's area: a move counts when its home municipality is none of
 * the organisation's; when either is unknown, any move counts and the notice says the area is
 * unknown (ADR 0035).
 */
export interface RegisterMove {
  /** The day the move took effect (the register's alkupv / the day it applies from). */
  readonly effectiveDate: LocalDate;
  /** The day invoicing recorded the register's report of it, in the organisation's time zone. */
  readonly recordedOn: LocalDate;
  /** The home municipality (kotikunta) the register gave with it; null or absent when it did not say. */
  readonly homeMunicipality?: MunicipalityCode | null;
}

/**
 * Where a move took the client: `out-of-area` when its home municipality is none of the
 * organisation's; `inside-area` when it is one of them; `area-unknown` when the organisation's
 * municipalities or the move's home municipality are not known.
 */
export type MoveArea = 'out-of-area' | 'inside-area' | 'area-unknown';

/** The move a debt list reports: the day it took effect, where it took the client (never `inside-area`) and its home municipality when known. */
export interface ReportedMove {
  readonly effectiveDate: LocalDate;
  readonly area: Exclude<MoveArea, 'inside-area'>;
  readonly homeMunicipality: MunicipalityCode | null;
}

/** What invoicing knows of a client behind claims, for the month-end debt list. */
export interface DebtClientFacts {
  /** From the client register (a recorded death). */
  readonly dateOfDeath: LocalDate | null;
  /** The end of the client's latest billing settings in force by the list's date; null when open-ended. */
  readonly settingsValidTo: LocalDate | null;
  /** Every move the population register reported for the client, in any order. */
  readonly moves: readonly RegisterMove[];
  /** The municipalities the organisation serves (kuntanumero / kommunkod); empty or absent when not known. */
  readonly municipalityCodes?: readonly MunicipalityCode[];
}

/** Where the move took the client, against the organisation's municipalities (ADR 0035). */
export function moveArea(move: Pick<RegisterMove, 'homeMunicipality'>, municipalityCodes: readonly MunicipalityCode[] = []): MoveArea {
  const home = move.homeMunicipality ?? null;
  if (home === null || municipalityCodes.length === 0) return 'area-unknown';
  return municipalityCodes.includes(home) ? 'inside-area' : 'out-of-area';
}

/** The later of two dates. */
const laterOf = (a: LocalDate, b: LocalDate): LocalDate => (isBefore(a, b) ? b : a);

/**
 * The move the debt list of `asOf` reports; null when it reports none.
 * Seed 004 (Söderköping, "Rutin Skuldfordringar"): at the month end the fee officer tells the
 * finance office of clients who moved out (utflyttade). A move is told on the first month-end list
 * made once it has both taken effect and been recorded: the list of the month of the later of the
 * two days (from its first day up to `asOf`). So a move recorded after its month's list was made —
 * the register reported it late — is told on the next list, with the day it took effect; one
 * recorded on a month's last day is on that month's list, one recorded on the first day on the
 * next month's; a move dated ahead is told once it takes effect. Each move is told on one list
 * only. Of two moves told on the same list, the one that took effect last is the client's
 * position: a move inside the organisation's area is not reported (the client is still its
 * resident), one out of it is (`out-of-area`), and one whose area is not known is reported as
 * any address change was before the municipalities were known (`area-unknown`, ADR 0035).
 */
export function reportedMoveOf(moves: readonly RegisterMove[], asOf: LocalDate, municipalityCodes: readonly MunicipalityCode[] = []): ReportedMove | null {
  const monthStart = firstDayOfMonth(asOf);
  let latest: RegisterMove | null = null;
  for (const move of moves) {
    const known = laterOf(move.effectiveDate, move.recordedOn);
    if (!isOnOrAfter(known, monthStart) || !isOnOrBefore(known, asOf)) continue;
    if (latest === null || isBefore(latest.effectiveDate, move.effectiveDate)) latest = move;
  }
  if (latest === null) return null;
  const area = moveArea(latest, municipalityCodes);
  if (area === 'inside-area') return null;
  return { effectiveDate: latest.effectiveDate, area, homeMunicipality: latest.homeMunicipality ?? null };
}

/** How a debt list shows the client: the status, and the move it reports (`reportedMoveOf`) when it reports one. */
export interface DebtClientPosition {
  readonly status: DebtClientStatus;
  readonly movedOn?: LocalDate;
  readonly moveArea?: ReportedMove['area'];
  readonly movedTo?: MunicipalityCode;
}

/**
 * The client on the debt list of `asOf` (seed 004: the finance office is told of deceased, moved
 * and closed cases). Status: `deceased` when a death is recorded; `closed` when the billing
 * settings ended before `asOf`; `moved` when the list reports a move (`reportedMoveOf`: the first
 * month-end list after the move both took effect and was recorded, out of the organisation's area
 * or to an area not known); `active` otherwise. A death outranks the end of the services, and both
 * outrank a move: the finance office is told the weightier fact. The move the list reports is
 * given with any status.
 */
export function debtClientPosition(facts: DebtClientFacts, asOf: LocalDate): DebtClientPosition {
  const move = reportedMoveOf(facts.moves, asOf, facts.municipalityCodes);
  const status: DebtClientStatus =
    facts.dateOfDeath !== null ? 'deceased' : facts.settingsValidTo !== null && isBefore(facts.settingsValidTo, asOf) ? 'closed' : move !== null ? 'moved' : 'active';
  if (move === null) return { status };
  return { status, movedOn: move.effectiveDate, moveArea: move.area, ...(move.homeMunicipality === null ? {} : { movedTo: move.homeMunicipality }) };
}

/** The client's status on the debt list of `asOf` (`debtClientPosition`). */
export function debtClientStatus(facts: DebtClientFacts, asOf: LocalDate): DebtClientStatus {
  return debtClientPosition(facts, asOf).status;
}
