import { LocalDate, addDays, firstDayOfMonth, lastDayOfMonth, parseLocalDate } from '../dates/local-date';

/**
 * The month end a debt review covers (seed 004: the debt list is pulled "i slutet på månaden").
 * The Schedule fires on the month's last day; a run caught up the next morning, or started by
 * hand mid-month, still reviews the latest month end that has passed.
 */
export function latestMonthEnd(today: LocalDate): LocalDate {
  const date = parseLocalDate(today, 'today');
  return date === lastDayOfMonth(date) ? date : addDays(firstDayOfMonth(date), -1);
}
