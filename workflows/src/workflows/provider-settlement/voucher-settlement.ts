import { setHandler, sleep } from '@temporalio/workflow';
import { VoucherMonthInput, VoucherSettlementPhase, VoucherSettlementResult, VoucherSettlementStatus, voucherSettlementStatusQuery } from '@clientfees/contracts';
import { localDateInZone, periodOf, previousPeriod, settlementTimetable, startOfDayInZone } from '@clientfees/domain/workflow';
import { monthActivities, settlementActivities as activities, untilLocal } from './activities';

/**
 * The monthly settlement of one organisation (tilitys, seed 003 §4.3.5.3-§4.3.5.5), started by its
 * Schedule on the 1st of the month after the settled one:
 *
 *   1st   open the month's settlement; remind providers with incomplete events and the
 *         approvers of events waiting for manual approval
 *   2nd   08:00 remind the providers still unconfirmed (confirmation by the 2nd)
 *   3rd   08:00 remind the approvers of what still waits (approvals by the 3rd)
 *   4th   06:00 settle: each provider's complete events and ended interruptions at their
 *         percentages, credits deducted, the payment file for the payment system, the month
 *         locked; the providers are paid on the due date
 *
 * A repeated run finds the month settled and answers with what was settled.
 */
export async function voucherSettlement(input: VoucherMonthInput): Promise<VoucherSettlementResult> {
  const zone = input.timeZone;
  const month = input.month ?? previousPeriod(periodOf(localDateInZone(Date.now(), zone)));
  const timetable = settlementTimetable(month);
  let phase: VoucherSettlementPhase = 'awaiting-confirmations';
  let settlementId = '';
  let providerReminders = 0;
  let approverReminders = 0;
  setHandler(voucherSettlementStatusQuery, (): VoucherSettlementStatus => ({ settlementId, month, phase, providerReminders, approverReminders }));

  const opened = await activities.openVoucherSettlement({ organisationId: input.organisationId, month });
  settlementId = opened.settlementId;
  if (!opened.alreadySettled) {
    const today = localDateInZone(Date.now(), zone);
    if (today <= timetable.confirmBy) await remindProviders();
    if (today <= timetable.approveBy) await remindApprovers();
    if (await sleepUntil(timetable.confirmBy, 8)) await remindProviders();
    phase = 'awaiting-approvals';
    if (await sleepUntil(timetable.approveBy, 8)) await remindApprovers();
    await sleepUntil(timetable.settleOn, 6);
  }
  phase = 'settling';
  const result = await monthActivities.settleVoucherMonth({ settlementId });
  phase = 'settled';
  return result;

  async function remindProviders(): Promise<void> {
    if ((await activities.remindProvidersToConfirm({ settlementId })) > 0) providerReminders += 1;
  }

  async function remindApprovers(): Promise<void> {
    if ((await activities.remindApprovers({ settlementId })) > 0) approverReminders += 1;
  }

  /** Sleeps until `hour`:00 on `date` in the organisation's zone; false when that time had passed. */
  async function sleepUntil(date: string, hour: number): Promise<boolean> {
    const wait = untilLocal(date, hour, zone, startOfDayInZone);
    if (wait === 0) return false;
    await sleep(wait);
    return true;
  }
}
