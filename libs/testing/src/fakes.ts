import { Context } from '@temporalio/activity';
import { addDays, dueDate, localDateInZone, startOfDayInZone } from '@clientfees/domain';
import type { CollectionActivities, InvoiceDueDate, InvoiceTerms } from '@clientfees/contracts';

/**
 * Stand-ins for the invoicing and collection services' activities, shared by the workflow tests
 * (workflows/test/lifecycle-harness.ts), the invoicing service's tests and the start benchmark
 * (bench/fake-invoicing.ts). Lean on purpose: the benchmark's worker imports this module
 * (`@clientfees/testing/fakes`) and not the whole testing library.
 */

/** The organisation of the fakes: a Finnish one in Helsinki time. */
export const FAKE_ZONE = 'Europe/Helsinki';

/** A due date and the instant it ends (00:00 of the next day in Helsinki). */
export function fakeDueDate(due: string): InvoiceDueDate {
  return { dueDate: due, dueDateEndsAtMs: startOfDayInZone(addDays(due, 1), FAKE_ZONE) };
}

/**
 * What `setInvoiceDueDate` answers for a Finnish invoice with the organisation defaults of seed
 * 000: the real due-date rule (14 days + 3 banking days), transfer 17 days after it, reminder
 * due 14 days after the run, fee 2.10 €, deferral limits 3 / 12 months.
 */
export function fakeInvoiceTerms(invoiceId: string, invoiceDate: string, options: { organisationId?: string; isEstate?: boolean } = {}): InvoiceTerms {
  const due = dueDate('FI', invoiceDate, { paymentTermDays: 14, bankingDays: 3 });
  return {
    ...fakeDueDate(due),
    isEstate: options.isEstate ?? false,
    deferralLimits: { officerMonths: 3, supervisorMonths: 12 },
    timeZone: FAKE_ZONE,
    transferEligibleDate: addDays(due, 17),
    reminderDueDays: 14,
    reminderFeeCents: 210,
    snapshot: {
      invoiceId,
      organisationId: options.organisationId ?? 'fi-demo',
      country: 'FI',
      currency: 'EUR',
      invoiceNumber: 1,
      clientNumber: 'C-1',
      paymentReference: '1000000012',
      recipient: { kind: 'client', name: 'Aino Testinen', streetAddress: 'Koivukuja 3 A 5', postalCode: '02100', city: 'Espoo', country: 'FI' },
      invoiceDate,
      dueDate: due,
    },
  };
}

/** The collection activities, recording each call with the server date it happened on. */
export function fakeCollection() {
  const calls: Array<{ activity: string; on: string; invoiceId: string; detail?: string }> = [];
  const on = () => localDateInZone(Context.current().info.currentAttemptScheduledTimestampMs, FAKE_ZONE);
  const activities: CollectionActivities = {
    async sendReminder(request) {
      calls.push({ activity: 'sendReminder', on: on(), invoiceId: request.invoice.invoiceId, detail: `${request.reminderDate}→${request.reminderDueDate}` });
      return {
        reminderId: `reminder-${request.invoice.invoiceId}`,
        reminderFeeCents: request.reminderFeeCents,
        interestCents: 42,
        totalCents: request.openCents + request.reminderFeeCents + 42,
        reminderDueDate: request.reminderDueDate,
        agencyCaseId: `case-${request.invoice.invoiceId}`,
      };
    },
    async transferToAgency(request) {
      calls.push({ activity: 'transferToAgency', on: on(), invoiceId: request.invoice.invoiceId, detail: request.transferDate });
      return { agencyCaseId: `case-${request.invoice.invoiceId}` };
    },
    async recallFromAgency(request) {
      calls.push({ activity: 'recallFromAgency', on: on(), invoiceId: request.invoiceId, detail: request.reason });
    },
    async tellAgencyOfPaymentPlan(request) {
      calls.push({ activity: 'tellAgencyOfPaymentPlan', on: on(), invoiceId: request.invoiceId, detail: `${request.instalments.length} instalments` });
    },
  };
  return { activities, calls };
}
