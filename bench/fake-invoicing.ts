import { InvoicingActivities } from '@clientfees/contracts';
import { fakeInvoiceTerms } from '@clientfees/testing/fakes';

/**
 * Lean in-memory invoicing activities for the benchmark: `setInvoiceDueDate` answers the same
 * terms as the workflow tests' fake (libs/testing/src/fakes.ts: the real Finnish due-date rule,
 * 14 days + 3 banking days) and counts its calls, so the benchmark knows when every lifecycle has
 * run its first activity. Nothing is recorded per invoice; any other activity fails (the
 * lifecycles never get that far).
 */
export function benchInvoicing(invoiceDate: string) {
  const counters = { dueDatesSet: 0, stateChanges: 0, other: 0 };
  const unexpected = async (): Promise<never> => {
    counters.other += 1;
    throw new Error('the start benchmark only runs a lifecycle up to its due-date timer');
  };
  const activities: InvoicingActivities = {
    async setInvoiceDueDate(invoiceId) {
      counters.dueDatesSet += 1;
      return fakeInvoiceTerms(invoiceId, invoiceDate, { organisationId: 'fi-bench' });
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
