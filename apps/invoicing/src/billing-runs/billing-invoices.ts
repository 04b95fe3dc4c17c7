import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { paymentReferencesFor } from '@clientfees/domain';
import { Database, heartbeat, SERVICE_LOGGER } from '@clientfees/platform';
import { markBatchCorrectionsBilled } from '../billing-data/corrections/correction.queries';
import {
  batchInvoicesAwaitingLifecycle,
  insertBillingRunInvoiceRows,
  insertBillingRunInvoices,
  insertIssuedEvents,
  takeInvoiceNumbers,
} from '../invoices/invoice.queries';
import { InvoicesService } from '../invoices/invoices.service';
import { assignInvoiceIds, attachInvoicesToLocks, batchInvoiceCount, billableClients, lockBatchPeriods } from './billing-run.queries';
import { runAndOrganisation } from './billing-run-steps';

const BILLING_RUN_ACTOR = 'system:billing-run';
/** Lifecycle starts in flight at once per batch: Temporal answers each in a few milliseconds. */
const PARALLEL_STARTS = 16;

/** Turns an approved run's calculations into invoices, and starts their lifecycles. */
@Injectable()
export class BillingInvoices {
  constructor(
    private readonly db: Database,
    private readonly invoices: InvoicesService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * One transaction per batch: lock the clients for the period (a client locked already is
   * skipped), store the invoices with their rows and first event, mark the included corrections
   * billed, and take the gapless numbers last, so that the series stays locked only for the
   * invoices' own insert. A crash anywhere rolls all of it back, numbers included.
   */
  async createBatch(runId: string, batch: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const { run, organisation } = await runAndOrganisation(tx, runId);
      if (run.state !== 'invoicing' || !run.invoiceDate) throw new Error(`billing run ${runId} is ${run.state}, not invoicing`);
      const locked = await lockBatchPeriods(tx, run, batch);
      const billable = locked.length === 0 ? [] : await billableClients(tx, runId, locked);
      if (billable.length > 0) {
        const ids = billable.map(() => randomUUID());
        await assignInvoiceIds(tx, runId, billable.map((client, i) => ({ clientId: client.clientId, invoiceId: ids[i] })));
        await insertBillingRunInvoiceRows(tx, runId, batch, ids);
        await insertIssuedEvents(tx, ids, BILLING_RUN_ACTOR, `billing run ${runId} approved`);
        await attachInvoicesToLocks(tx, run, batch, ids);
        await markBatchCorrectionsBilled(tx, runId, batch, ids);
        const first = await takeInvoiceNumbers(tx, run.organisationId, billable.length);
        const invoices = billable.map((client, i) => {
          const references = paymentReferencesFor(organisation.country, first + i);
          return {
            id: ids[i],
            invoiceNumber: first + i,
            paymentReference: references.national,
            paymentReferenceInternational: references.international,
            recipient: client.recipient,
            clientNumber: client.clientNumber,
            totalCents: client.totalCents,
          };
        });
        const invoicing = { runId, organisationId: run.organisationId, currency: organisation.currency, invoiceDate: run.invoiceDate, period: run.period, createdBy: BILLING_RUN_ACTOR };
        await insertBillingRunInvoices(tx, invoicing, invoices);
      }
      return batchInvoiceCount(tx, runId, batch);
    });
  }

  /** Starts the lifecycle of each invoice the batch made that has none yet. */
  async startLifecycles(runId: string, batch: number): Promise<number> {
    const pending = await this.db.read((tx) => batchInvoicesAwaitingLifecycle(tx, runId, batch));
    let next = 0;
    const lane = async () => {
      while (next < pending.length) {
        await this.invoices.startLifecycle(pending[next++]);
        heartbeat(next);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_STARTS, pending.length) }, lane));
    if (pending.length > 0) this.logger.info({ runId, batch, started: pending.length }, 'billing run lifecycles started');
    return pending.length;
  }
}
