import { addDays, addMonths, isOnOrBefore, LocalDate, parseLocalDate } from '../dates/local-date';
import { requireInteger } from '../internal/integers';

/** How many days before a decision's first anniversary its yearly review opens, by default. */
export const DEFAULT_YEARLY_REVIEW_LEAD_DAYS = 30;
export const MAX_YEARLY_REVIEW_LEAD_DAYS = 90;

/**
 * Every client's income is determined again at least once a year (seed 001, Western Uusimaa:
 * "tuloselvitys vähintään kerran vuodessa"): a fee decision's yearly review is due on its first
 * anniversary, and opens `leadDays` before it so that the new decision can be made in time.
 * A decision that starts on 29 February has its anniversary on 28 February.
 */
export function yearlyReviewDueDate(validFrom: LocalDate): LocalDate {
  return addMonths(parseLocalDate(validFrom, 'validFrom'), 12);
}

export function yearlyReviewDue(validFrom: LocalDate, today: LocalDate, leadDays: number = DEFAULT_YEARLY_REVIEW_LEAD_DAYS): boolean {
  const lead = requireInteger(leadDays, 'leadDays', 0, MAX_YEARLY_REVIEW_LEAD_DAYS);
  return isOnOrBefore(yearlyReviewDueDate(validFrom), addDays(parseLocalDate(today, 'today'), lead));
}

/**
 * The latest first day a decision may have to be due today: a coarse bound for a query, one day
 * generous for the leap day; `yearlyReviewDue` decides each candidate.
 */
export function yearlyReviewCandidatesUpTo(today: LocalDate, leadDays: number = DEFAULT_YEARLY_REVIEW_LEAD_DAYS): LocalDate {
  const lead = requireInteger(leadDays, 'leadDays', 0, MAX_YEARLY_REVIEW_LEAD_DAYS);
  return addDays(addMonths(addDays(parseLocalDate(today, 'today'), lead), -12), 1);
}
