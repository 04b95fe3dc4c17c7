import { ApplicationFailure, condition } from '@temporalio/workflow';
import { addDays } from '@clientfees/domain/workflow';
import type { InvoiceState, TransferRunSignal } from '@clientfees/contracts';
import { collection } from './activities';
import { Lifecycle } from './state';

/** The reminder a transfer run had sent: collection follows from its due date. */
export interface SentReminder {
  reminderId: string;
  reminderDueDate: string;
}

/** The agency's name in the steps it reports. */
const AGENCY_ACTOR = 'collection-agency';

/**
 * The states in which the agency holds the invoice and is told to stop when it is settled some
 * other way. (An organisation's own plan is in-payment-plan too and is included: the recorded
 * lifecycles behave so; see docs/domain.md §4.)
 */
const WITH_AGENCY: readonly InvoiceState[] = ['reminded', 'at-agency', 'in-payment-plan'];

function snapshotOf(lifecycle: Lifecycle) {
  const { snapshot } = lifecycle.terms;
  if (!snapshot) throw ApplicationFailure.nonRetryable('the invoicing service gave no invoice snapshot: the agency cannot be told of the invoice', 'MissingInvoiceSnapshot');
  return snapshot;
}

/** The transfer run hands the invoice to the agency's reminder service: a reminder with its fee and the late interest (seed 000). */
export async function remind(lifecycle: Lifecycle, run: TransferRunSignal): Promise<SentReminder> {
  const { status, terms } = lifecycle;
  const reminderDueDate = addDays(run.runDate, terms.reminderDueDays);
  const reminder = await collection.sendReminder({
    invoice: { ...snapshotOf(lifecycle), dueDate: status.dueDate ?? terms.dueDate },
    openCents: lifecycle.openCents(),
    reminderDate: run.runDate,
    reminderDueDate,
    reminderFeeCents: terms.reminderFeeCents,
  });
  status.reminder = { reminderId: reminder.reminderId, reminderDueDate, feeCents: reminder.reminderFeeCents, interestCents: reminder.interestCents };
  status.agencyCaseId = reminder.agencyCaseId;
  await lifecycle.moveTo(
    'reminded',
    `transfer run ${run.runDate}: reminder with fee ${reminder.reminderFeeCents} and interest ${reminder.interestCents} cents, due ${reminderDueDate}`,
  );
  return { reminderId: reminder.reminderId, reminderDueDate };
}

/**
 * Waits out the reminder's due date, and any § 11 decision made after the reminder (it holds
 * collection back until it ends). True when the invoice is still unpaid and goes to collection.
 */
export async function awaitReminderDue(lifecycle: Lifecycle, reminder: SentReminder): Promise<boolean> {
  const { status } = lifecycle;
  const paidOrRecalled = () => lifecycle.settled() || lifecycle.recallRequest !== undefined;
  await condition(paidOrRecalled, Lifecycle.until(lifecycle.endOf(reminder.reminderDueDate)));
  while (!paidOrRecalled() && status.collectionPausedUntil && lifecycle.pausedOn(lifecycle.today())) {
    await condition(paidOrRecalled, Lifecycle.until(lifecycle.endOf(status.collectionPausedUntil)));
  }
  return !paidOrRecalled();
}

/** Not paid by the reminder's due date: the agency starts collection (perintä / inkasso). */
export async function collectAtAgency(lifecycle: Lifecycle, reminder: SentReminder): Promise<void> {
  await collection.transferToAgency({
    invoice: snapshotOf(lifecycle),
    openCents: lifecycle.openCents(),
    reminderId: reminder.reminderId,
    transferDate: addDays(reminder.reminderDueDate, 1),
  });
  await lifecycle.moveTo('at-agency', `not paid by the reminder's due date ${reminder.reminderDueDate}: collection by the agency`);
}

/** Follows the agency's reports until the invoice is paid there, returned, recalled or settled. */
export async function followAgency(lifecycle: Lifecycle): Promise<void> {
  const { status } = lifecycle;
  for (;;) {
    await condition(() => lifecycle.settled() || lifecycle.recallRequest !== undefined || lifecycle.agencyReports.length > 0);
    const report = lifecycle.agencyReports.shift();
    if (!report) return;
    if (report.status === 'paid') {
      status.paidCents += report.amountCents ?? lifecycle.openCents();
      return;
    }
    if (report.status === 'payment-plan') {
      lifecycle.agencyPlan = true;
      await lifecycle.moveTo('in-payment-plan', `the agency agreed a payment plan (${report.reportedOn})`, AGENCY_ACTOR);
      continue;
    }
    await lifecycle.moveTo('returned', `the agency returned the case (${report.reportedOn}): back to the billing team`, AGENCY_ACTOR);
    return;
  }
}

/** Tells the agency to stop before the invoice is closed some other way, so the client pays no collection costs. */
export async function leaveAgency(lifecycle: Lifecycle, reason: string, actor: string): Promise<void> {
  if (WITH_AGENCY.includes(lifecycle.state)) await collection.recallFromAgency({ invoiceId: lifecycle.input.invoiceId, reason, actor });
}
