import { addMonths, compareLocalDates, LocalDate, parseLocalDate } from '../dates/local-date';

/**
 * The household a fee is determined for (perhe / hushåll), from the population register: the
 * client, a spouse or cohabitant living in the same dwelling, and the minors living there
 * (Act 734/1992 § 10 d: the client's and the spouse's incomes; household size by the persons
 * they support). Other adults in the dwelling are not counted.
 */
export interface Resident {
  /** The population register's own reference for the person, never an identity code. */
  readonly ref: string;
  readonly birthDate: LocalDate;
  readonly isSpouse: boolean;
}

export interface Household {
  readonly size: number;
  /** The spouse or cohabitant whose income the fee rule needs, when one lives with the client. */
  readonly spouseRef: string | null;
  readonly feeCalculationType: 'single' | 'couple';
  readonly explanation: string;
}

export function householdOf(date: LocalDate, residents: readonly Resident[]): Household {
  const day = parseLocalDate(date, 'date');
  const spouse = residents.find((r) => r.isSpouse) ?? null;
  const minors = residents.filter((r) => !r.isSpouse && compareLocalDates(addMonths(parseLocalDate(r.birthDate, 'birthDate'), 18 * 12), day) > 0);
  const others = residents.length - minors.length - (spouse ? 1 : 0);
  const size = 1 + (spouse ? 1 : 0) + minors.length;
  const parts = ['the client', ...(spouse ? ['a spouse or cohabitant'] : []), ...(minors.length > 0 ? [`${minors.length} minor(s)`] : [])];
  return Object.freeze({
    size,
    spouseRef: spouse?.ref ?? null,
    feeCalculationType: spouse ? 'couple' : 'single',
    explanation: `${parts.join(', ')}: household of ${size}${others > 0 ? ` (${others} other adult(s) in the dwelling not counted)` : ''}`,
  });
}
