import { LocalDate, addDays, compareLocalDates } from '../dates/local-date';
import { DatedRow } from './dated-table';

/** A period a table already holds from someone else (an administrator's row), both ends included. */
export interface TakenPeriod {
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
}

function before(a: LocalDate | null, b: LocalDate): boolean {
  return a !== null && compareLocalDates(a, b) < 0;
}

/**
 * The shipped rows with the days of `taken` cut out: what the product may still supply when an
 * administrator has entered or corrected some periods. An administrator's row always wins over a
 * shipped one; a shipped row is shortened or split around it, never moved.
 */
export function shippedRowsAround<T>(shipped: readonly DatedRow<T>[], taken: readonly TakenPeriod[]): DatedRow<T>[] {
  let pieces: DatedRow<T>[] = [...shipped];
  for (const period of taken) {
    const next: DatedRow<T>[] = [];
    for (const row of pieces) {
      const endsBefore = before(row.validTo, period.validFrom);
      const startsAfter = period.validTo !== null && compareLocalDates(row.validFrom, period.validTo) > 0;
      if (endsBefore || startsAfter) {
        next.push(row);
        continue;
      }
      if (compareLocalDates(row.validFrom, period.validFrom) < 0) next.push({ ...row, validTo: addDays(period.validFrom, -1) });
      if (period.validTo !== null && (row.validTo === null || compareLocalDates(row.validTo, period.validTo) > 0)) {
        next.push({ ...row, validFrom: addDays(period.validTo, 1) });
      }
    }
    pieces = next;
  }
  return pieces.sort((a, b) => compareLocalDates(a.validFrom, b.validFrom));
}
