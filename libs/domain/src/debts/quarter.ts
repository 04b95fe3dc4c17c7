import { DomainValidationError } from '../errors';
import { LocalDate, lastDayOfMonth, localDateOf, localDateParts } from '../dates/local-date';

/**
 * Calendar quarters for the quarterly reconciliation (seed 004: the finance office, the fee
 * officers and the debt advisers meet every third month to reconcile the debt claims).
 */
export interface Quarter {
  /** `2027-Q1` */
  readonly label: string;
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** The month ends in the quarter, first to last. */
  readonly monthEnds: readonly LocalDate[];
}

const PATTERN = /^(\d{4})-Q([1-4])$/;

export function parseQuarter(text: string, field = 'quarter'): Quarter {
  const match = typeof text === 'string' ? PATTERN.exec(text) : null;
  if (!match) throw new DomainValidationError('must be a quarter such as 2027-Q1', field);
  return quarterOf(localDateOf(Number(match[1]), (Number(match[2]) - 1) * 3 + 1, 1));
}

export function quarterOf(date: LocalDate): Quarter {
  const { year, month } = localDateParts(date);
  const first = Math.floor((month - 1) / 3) * 3 + 1;
  const monthEnds = [0, 1, 2].map((offset) => lastDayOfMonth(localDateOf(year, first + offset, 1)));
  return { label: `${String(year).padStart(4, '0')}-Q${(first + 2) / 3}`, from: localDateOf(year, first, 1), to: monthEnds[2], monthEnds };
}
