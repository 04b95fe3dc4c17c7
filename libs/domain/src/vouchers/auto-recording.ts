import { LocalDate, parseLocalDate } from '../dates/local-date';
import { firstDayOfPeriod, lastDayOfPeriod, parseBillingPeriod, previousPeriod } from '../billing/period';
import type { ServiceUnit } from './service-value';

/**
 * Automatic recording (automaattikirjaus, seed 003 §4.3.2): on the night of the 4th the system
 * goes through the reserved contents of the services that use it and, for each that had a record
 * last month and no open interruption, makes an incomplete event for the whole month, in the
 * same provider unit as the latest record (event or interruption). Providers confirm them by the
 * 2nd of the following month; an unconfirmed one is not settled.
 */
export interface AutoRecordingCandidate {
  readonly unit: ServiceUnit;
  /** The service uses automatic recording (continuing housing services). */
  readonly serviceRecordsAutomatically: boolean;
  /** The voucher content's validity (the voucher's, closed early on a death). */
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate | null;
  /** The latest event or interruption of the content, if any. */
  readonly latest: { readonly unitId: string; readonly kind: 'event' | 'interruption'; readonly open: boolean } | null;
  /** An event or interruption of the content touches the previous month. */
  readonly recordedLastMonth: boolean;
  /** Something is already recorded for the month being made. */
  readonly recordedThisMonth: boolean;
}

export type AutoRecordingOutcome =
  | { readonly record: true; readonly unitId: string; readonly startDate: LocalDate; readonly endDate: LocalDate }
  | { readonly record: false; readonly reason: string };

/**
 * The automatic event a content gets for `month`, or why it gets none. Decision: the event is
 * cut to the content's validity (the seed leaves a voucher that ends mid-month to the provider
 * to correct; cutting it here saves that step and never pays past the voucher).
 */
export function automaticEvent(candidate: AutoRecordingCandidate, month: string): AutoRecordingOutcome {
  const period = parseBillingPeriod(month, 'month');
  if (!candidate.serviceRecordsAutomatically) return { record: false, reason: 'the service does not use automatic recording' };
  if (candidate.unit !== 'day') return { record: false, reason: 'only contents counted in days are recorded automatically' };
  if (candidate.latest === null || !candidate.recordedLastMonth) {
    return { record: false, reason: `nothing was recorded in ${previousPeriod(period)}: the first record is made by hand` };
  }
  if (candidate.latest.kind === 'interruption' && candidate.latest.open) return { record: false, reason: 'an interruption is open' };
  if (candidate.recordedThisMonth) return { record: false, reason: `${period} already has records` };
  const from = parseLocalDate(candidate.validFrom, 'validFrom');
  const to = candidate.validTo === null ? null : parseLocalDate(candidate.validTo, 'validTo');
  const startDate = from > firstDayOfPeriod(period) ? from : firstDayOfPeriod(period);
  const endDate = to !== null && to < lastDayOfPeriod(period) ? to : lastDayOfPeriod(period);
  if (startDate > endDate) return { record: false, reason: `the voucher is not valid in ${period}` };
  return { record: true, unitId: candidate.latest.unitId, startDate, endDate };
}
