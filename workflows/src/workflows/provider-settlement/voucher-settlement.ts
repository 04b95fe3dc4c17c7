import { patched, setHandler, sleep } from '@temporalio/workflow';
import { VoucherMonthInput, VoucherSettlementPhase, VoucherSettlementResult, VoucherSettlementStatus, voucherSettlementStatusQuery } from '@clientfees/contracts';
import { localDateInZone, periodOf, previousPeriod, settlementTimetable, startOfDayInZone } from '@clientfees/domain/workflow';
import { monthActivities, ownShareInvoicing, settlementActivities as activities, untilLocal } from './activities';

/** Own shares sent to invoicing per call (each a client's invoice with its rows). */
const OWN_SHARE_PAGE = 100;
/** The version marker of the step that sends the clients' own shares to invoicing (ADR 0031). */
const OWN_SHARE_INVOICES = 'own-share-invoices';

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
 *         then each client's own share of what was paid becomes an invoice in invoicing (and
 *         those an earlier run could not invoice are sent again); the own shares point at them
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
  if (patched(OWN_SHARE_INVOICES)) {
    phase = 'invoicing-own-shares';
    result.ownShareInvoices = await invoiceOwnShares(input.organisationId);
  }
  phase = 'settled';
  return result;

  /** The organisation's own shares without an invoice, a page at a time: invoicing makes them, provider settlement links them. */
  async function invoiceOwnShares(organisationId: string): Promise<{ invoiced: number; refused: number }> {
    const counts = { invoiced: 0, refused: 0 };
    let after: string | undefined;
    for (;;) {
      const page = await activities.ownSharesToInvoice({ organisationId, after, limit: OWN_SHARE_PAGE });
      if (page.length === 0) return counts;
      const outcomes = await ownShareInvoicing.createOwnShareInvoices({ organisationId, invoices: page });
      await activities.recordOwnShareInvoices({ outcomes });
      for (const outcome of outcomes) counts[outcome.outcome] += 1;
      if (page.length < OWN_SHARE_PAGE) return counts;
      after = page[page.length - 1].ownShareId;
    }
  }

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
