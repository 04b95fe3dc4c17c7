import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOSED_INVOICE_STATES, DomainValidationError, isBefore, parseLocalDate } from '@clientfees/domain';
import { feeReductionSignal, invoiceLifecycleWorkflowId } from '@clientfees/contracts';
import { Database, SignalOutbox } from '@clientfees/platform';
import { openInvoicesOfClient } from '../invoices/invoice.queries';
import { organisationFromPath } from '../organisations/organisation-lookup';
import { recordFeeReductionDecision } from './fee-reduction.queries';

export interface FeeReductionDecisionInput {
  organisationId: string;
  clientNumber: string;
  decisionReference: string;
  validFrom: string;
  validTo: string;
}

/** The outbox key of a decision's signal to one invoice: a decision tells each invoice once. */
const deliveryKey = (decisionId: string, invoiceId: string) => `fee-reduction:${decisionId}:${invoiceId}`;

/**
 * Fixed-term fee reduction or waiver decisions (Act 734/1992 § 11). The decision and a
 * `feeReductionDecision` signal to each of the client's open invoices are stored in one
 * transaction; the signals go through the outbox (ADR 0008), so none is lost to a Temporal
 * outage. Invoices issued later read the decision in force when their lifecycle starts.
 */
@Injectable()
export class FeeReductionsService {
  constructor(
    private readonly db: Database,
    private readonly outbox: SignalOutbox,
  ) {}

  async record(input: FeeReductionDecisionInput, decidedBy: string): Promise<{ decisionId: string; invoicesPaused: number }> {
    const validFrom = parseLocalDate(input.validFrom, 'validFrom');
    const validTo = parseLocalDate(input.validTo, 'validTo');
    if (isBefore(validTo, validFrom)) throw new DomainValidationError('must not be before validFrom', 'validTo');
    const { decision, keys } = await this.db.transaction(async (tx) => {
      await organisationFromPath(tx, input.organisationId);
      const stored = await recordFeeReductionDecision(tx, { id: randomUUID(), ...input, validFrom, validTo, decidedBy });
      // A decision posted again (same reference) keeps its first dates and tells only invoices not yet told.
      const client = { organisationId: input.organisationId, clientNumber: input.clientNumber, invoicedUntil: stored.validTo, closedStates: CLOSED_INVOICE_STATES };
      const invoices = await openInvoicesOfClient(tx, client);
      for (const invoiceId of invoices) {
        await this.outbox.enqueue(tx, {
          key: deliveryKey(stored.id, invoiceId),
          workflowId: invoiceLifecycleWorkflowId(invoiceId),
          signal: feeReductionSignal,
          args: [{ decisionId: stored.id, validFrom: stored.validFrom, validTo: stored.validTo }],
        });
      }
      return { decision: stored, keys: invoices.map((invoiceId) => deliveryKey(stored.id, invoiceId)) };
    });
    await this.outbox.deliverSoon(keys);
    return { decisionId: decision.id, invoicesPaused: keys.length };
  }
}
