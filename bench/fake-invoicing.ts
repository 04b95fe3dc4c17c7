import { addDays, dueDate, startOfDayInZone } from '@clientfees/domain';
import { InvoicingActivities } from '@clientfees/contracts';

const ZONE = 'Europe/Helsinki';

/**
 * Lean in-memory invoicing activities for the benchmark: `setInvoiceDueDate` applies the real
 * Finnish due-date rule (14 days + 3 banking days) and counts its calls, so the benchmark knows
 * when every lifecycle has run its first activity. Nothing is recorded per invoice; any other activity fails (the lifecycles never get that far).
 */
export function benchInvoicing(invoiceDate: string) {
  const counters = { dueDatesSet: 0, stateChanges: 0, other: 0 };
  const due = dueDate('FI', invoiceDate, { paymentTermDays: 14, bankingDays: 3 });
  const dueOf = (date: string) => ({ dueDate: date, dueDateEndsAtMs: startOfDayInZone(addDays(date, 1), ZONE) });
  const unexpected = async (): Promise<never> => {
    counters.other += 1;
    throw new Error('the start benchmark only runs a lifecycle up to its due-date timer');
  };
  const activities: InvoicingActivities = {
    async setInvoiceDueDate(invoiceId) {
      counters.dueDatesSet += 1;
      return {
        ...dueOf(due),
        isEstate: false,
        deferralLimits: { officerMonths: 3, supervisorMonths: 12 },
        timeZone: ZONE,
        transferEligibleDate: addDays(due, 17),
        reminderDueDays: 14,
        reminderFeeCents: 210,
        snapshot: {
          invoiceId,
          organisationId: 'fi-bench',
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
    },
    recordCreditNote: unexpected,
    listInvoicesForTransferRun: unexpected,
    async recordInvoiceState() {
      // Only if an invoice's due date passed during the run: counted, not kept.
      counters.stateChanges += 1;
    },
    applyDeferral: unexpected,
    openDeferralApproval: unexpected,
    remindDeferralApprover: unexpected,
    closeDeferralApproval: unexpected,
  };
  return { activities, counters };
}
