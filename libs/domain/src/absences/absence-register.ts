import { addDays, compareLocalDates, daysBetween, type LocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';

// Tillfälligt uppehåll, bevakning and the control list (seed 002, Linköping's Treserva manual,
// p.22-24): an absence is entered from its first day, with its last day when known — else it
// stays open-ended and is watched until someone closes it; before each billing run the control
// list shows the clients with open-ended absences, so that revenue is not lost to an absence
// nobody closed. What an absence deducts is in absences.ts.

export const ABSENCE_KINDS = ['planned', 'unplanned'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

/**
 * An open-ended absence is checked again two weeks after it began unless a day is given. The
 * manual fills the watch date in with today and lets the user change it (p.23); two weeks is this
 * product's default, the point at which a planned absence's deduction first changes (25 → 50 %).
 */
export const ABSENCE_WATCH_DAYS = 14;

export interface RecordedAbsence {
  readonly id: string;
  readonly kind: AbsenceKind;
  readonly firstDay: LocalDate;
  /** null: open-ended. */
  readonly lastDay: LocalDate | null;
  /** Open-ended only: when the unit manager checks it again. */
  readonly watchOn: LocalDate | null;
}

export interface NewAbsence {
  readonly kind: AbsenceKind;
  readonly notifiedOn: LocalDate | null;
  readonly firstDay: LocalDate;
  readonly lastDay: LocalDate | null;
  readonly watchOn: LocalDate | null;
}

/**
 * The register refuses a change because of what it already holds (another absence, or the
 * absence is closed): the service answers 409 with this. A broken rule of the request itself is
 * a DomainValidationError (400) instead.
 */
export interface AbsenceConflict {
  readonly message: string;
  readonly field: string;
  readonly reason: string;
}

/**
 * A new absence as it is entered: a planned one needs the day the client notified (the notice
 * decides from when it deducts); an absence with a last day is not watched, an open-ended one is
 * watched from `watchOn` or two weeks after its first day.
 */
export function newAbsence(input: { kind: AbsenceKind; notifiedOn: LocalDate | null; firstDay: LocalDate; lastDay: LocalDate | null; watchOn: LocalDate | null }): NewAbsence {
  const { kind, notifiedOn, firstDay, lastDay } = input;
  if (kind === 'planned' && notifiedOn === null) throw new DomainValidationError('is required for a planned absence', 'notifiedOn');
  if (lastDay !== null && compareLocalDates(lastDay, firstDay) < 0) throw new DomainValidationError('must not be before firstDay', 'lastDay');
  if (lastDay !== null && input.watchOn !== null) throw new DomainValidationError('only an open-ended absence is watched', 'watchOn');
  const watchOn = lastDay === null ? (input.watchOn ?? addDays(firstDay, ABSENCE_WATCH_DAYS)) : null;
  if (watchOn !== null && compareLocalDates(watchOn, firstDay) < 0) throw new DomainValidationError('must not be before firstDay', 'watchOn');
  return Object.freeze({ kind, notifiedOn, firstDay, lastDay, watchOn });
}

/** A client is away once at a time: the first of the client's absences that `absence` overlaps, if any. */
export function overlappingAbsence(absence: Pick<NewAbsence, 'firstDay' | 'lastDay'>, clientAbsences: readonly RecordedAbsence[]): AbsenceConflict | null {
  const other = firstByDay(
    clientAbsences.filter(
      (o) => (absence.lastDay === null || compareLocalDates(o.firstDay, absence.lastDay) <= 0) && (o.lastDay === null || compareLocalDates(o.lastDay, absence.firstDay) >= 0),
    ),
  );
  return other ? overlapWith(other) : null;
}

/**
 * Closing an open-ended absence on `lastDay` (the client is back): not twice, not before it
 * began, and not across an absence the client has after it.
 */
export function closingConflict(absence: RecordedAbsence, lastDay: LocalDate, clientAbsences: readonly RecordedAbsence[]): AbsenceConflict | null {
  if (absence.lastDay !== null) return { message: `the absence is already closed (last day ${absence.lastDay})`, field: 'lastDay', reason: 'already closed' };
  if (compareLocalDates(lastDay, absence.firstDay) < 0) throw new DomainValidationError(`must not be before the first day (${absence.firstDay})`, 'lastDay');
  const later = firstByDay(
    clientAbsences.filter((o) => o.id !== absence.id && compareLocalDates(o.firstDay, absence.firstDay) > 0 && compareLocalDates(o.firstDay, lastDay) <= 0),
  );
  return later ? overlapWith(later) : null;
}

/** Moving the watch of an absence that is still open-ended (the client is still away). */
export function watchConflict(absence: RecordedAbsence, watchOn: LocalDate): AbsenceConflict | null {
  if (absence.lastDay !== null) return { message: `the absence is closed (last day ${absence.lastDay}); nothing to watch`, field: 'watchOn', reason: 'absence closed' };
  if (compareLocalDates(watchOn, absence.firstDay) < 0) throw new DomainValidationError(`must not be before the first day (${absence.firstDay})`, 'watchOn');
  return null;
}

/** For the control list: days from the first day to `today`, both counted; 0 before it begins. */
export function daysOpen(firstDay: LocalDate, today: LocalDate): number {
  return Math.max(0, daysBetween(firstDay, today) + 1);
}

/** Whether an open-ended absence is due for its check on `date`. */
export function isWatchDue(absence: Pick<RecordedAbsence, 'lastDay' | 'watchOn'>, date: LocalDate): boolean {
  return absence.lastDay === null && absence.watchOn !== null && compareLocalDates(absence.watchOn, date) <= 0;
}

function firstByDay(absences: readonly RecordedAbsence[]): RecordedAbsence | undefined {
  return [...absences].sort((a, b) => compareLocalDates(a.firstDay, b.firstDay))[0];
}

function overlapWith(other: RecordedAbsence): AbsenceConflict {
  const until = other.lastDay ? ` to ${other.lastDay}` : ' (open-ended)';
  return { message: `the absence overlaps the client’s ${other.kind} absence from ${other.firstDay}${until}`, field: 'firstDay', reason: 'overlaps another absence' };
}
