import { LocalDate, localDateOf, parseLocalDate } from '../dates/local-date';
import { firstDayOfPeriod, lastDayOfPeriod, nextPeriod, parseBillingPeriod, periodOf } from '../billing/period';

/**
 * The monthly rhythm of service-voucher settlement (tilitys, seed 003 §4.3.2, §4.3.5.3, §4.3.5.5):
 *
 *   month M, night of the 4th   automatic recording of M's continuing daily services
 *   M + 1, by the 2nd           providers confirm (complete) their events and end interruptions
 *   M + 1, by the 3rd           the municipality approves what waits for manual approval
 *   M + 1, the 4th              settlement: the payment file goes to the municipality's payment
 *                               system; the providers are paid on the due date
 *
 * A month is 'YYYY-MM'.
 */
export const VOUCHER_TIMETABLE = Object.freeze({ autoRecordingDay: 4, confirmationDay: 2, approvalDay: 3, settlementDay: 4 });

export interface SettlementTimetable {
  readonly month: string;
  /** The night the month's automatic events are made (they cover the whole month). */
  readonly autoRecordingOn: LocalDate;
  /** The last day providers confirm the month's events. */
  readonly confirmBy: LocalDate;
  /** The last day the municipality approves overruns and interruptions. */
  readonly approveBy: LocalDate;
  readonly settleOn: LocalDate;
}

export function settlementTimetable(month: string): SettlementTimetable {
  const period = parseBillingPeriod(month, 'month');
  const next = firstDayOfPeriod(nextPeriod(period));
  const dayOfNext = (day: number) => localDateOf(Number(next.slice(0, 4)), Number(next.slice(5, 7)), day);
  return Object.freeze({
    month: period,
    autoRecordingOn: localDateOf(Number(period.slice(0, 4)), Number(period.slice(5, 7)), VOUCHER_TIMETABLE.autoRecordingDay),
    confirmBy: dayOfNext(VOUCHER_TIMETABLE.confirmationDay),
    approveBy: dayOfNext(VOUCHER_TIMETABLE.approvalDay),
    settleOn: dayOfNext(VOUCHER_TIMETABLE.settlementDay),
  });
}

/** The state of an event or an interruption as settlement sees it. */
export interface SettleableItem {
  /** An event's last day; an interruption's end date, null while it is open. */
  readonly endDate: LocalDate | null;
  /** Saved complete (kirjattu), not only as incomplete (keskeneräinen). */
  readonly complete: boolean;
  readonly approval: 'not-needed' | 'pending' | 'approved' | 'rejected';
  /** Already in an earlier settlement. */
  readonly settled: boolean;
}

/**
 * Whether the settlement of `month` pays the item. Only complete items are settled ("Keskeneräisenä
 * tallennetut tapahtumat eivät päädy tilitykseen"); an item waiting for manual approval waits for
 * a later settlement, a rejected one is never paid. An item is paid in the settlement of the
 * month it ends in, or the first one after if it was not ready then: so an interruption that runs
 * on into the next month is paid a month later than the month's events (§4.3.5.4), and an event
 * recorded or corrected after its month was settled goes into the next month's settlement.
 */
export function isSettledIn(item: SettleableItem, month: string): boolean {
  const period = parseBillingPeriod(month, 'month');
  if (item.settled || !item.complete || item.endDate === null) return false;
  if (item.approval === 'pending' || item.approval === 'rejected') return false;
  return parseLocalDate(item.endDate, 'endDate') <= lastDayOfPeriod(period);
}

/**
 * The settlement from which a credit request (hyvityspyyntö) is deducted: "Hyvityspyynnössä maksu
 * vähennetään seuraavan kk:n tilityksessä" (§4.3.5.6, §4.3.8) — the settlement after the one that
 * pays (or paid) the credited event.
 */
export function creditDeductionMonth(event: { endDate: LocalDate; settledInMonth: string | null }, firstOpenMonth: string): string {
  const open = parseBillingPeriod(firstOpenMonth, 'firstOpenMonth');
  if (event.settledInMonth !== null) {
    const next = nextPeriod(parseBillingPeriod(event.settledInMonth, 'settledInMonth'));
    return next > open ? next : open;
  }
  const ending = periodOf(event.endDate);
  return nextPeriod(ending > open ? ending : open);
}

/**
 * Why an event or interruption ending on `endDate` cannot be saved complete (kirjattu) on
 * `today`, or undefined when it can: what is still to come cannot be confirmed yet. An automatic
 * whole-month event is confirmed once the month is over, by the 2nd of the next.
 */
export function completionRefusal(endDate: LocalDate | null, today: LocalDate): string | undefined {
  if (endDate === null) return 'an interruption is completed once it has an end date';
  if (parseLocalDate(endDate, 'endDate') > parseLocalDate(today, 'today')) return `it ends on ${endDate}: it is completed once that day has come`;
  return undefined;
}
