import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { invoiceLifecycleWorkflowId, InvoiceLifecycleSignals, type PaymentSignal } from '@clientfees/contracts';
import { Database, SERVICE_LOGGER, TEMPORAL_CLIENT } from '@clientfees/platform';
import { findInvoice } from '../invoices/invoice.queries';
import { findAllocation, findPayment, markAllocationAttemptFailed, markAllocationDelivered, undeliveredAllocationIds } from './payment.queries';

const INTERVAL_MS = 30_000;

export type DeliveryOutcome = 'signalled' | 'lifecycle-ended' | 'pending';

/**
 * Tells each invoice's lifecycle workflow about the money allocated to it. The allocation is
 * committed first and signalled afterwards, so a signal lost to a Temporal outage or a crash in
 * between is only late: allocations without `signalled_at` are signalled again at service start
 * and every 30 seconds. Signalling twice is harmless because the workflow counts a payment id once.
 */
@Injectable()
export class PaymentDelivery implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly db: Database,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /**
   * Delivers fresh allocations, waiting at most `waitMs` so that a slow Temporal does not hold
   * the HTTP request; whatever is not done by then finishes in the background or in the loop.
   */
  async deliverSoon(allocationIds: readonly string[], waitMs = 5_000): Promise<void> {
    if (allocationIds.length === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, waitMs);
    });
    await Promise.race([this.deliver(allocationIds), waited]);
    clearTimeout(timer);
  }

  /** Never throws: an allocation that could not be signalled stays pending for the loop. */
  async deliver(allocationIds: readonly string[]): Promise<DeliveryOutcome[]> {
    const outcomes: DeliveryOutcome[] = [];
    for (const id of allocationIds) outcomes.push(await this.deliverOne(id));
    return outcomes;
  }

  /** Signals the allocations still waiting for their signal, oldest first; answers how many went through. */
  async deliverPending(limit = 500): Promise<number> {
    const pending = await this.db.read((tx) => undeliveredAllocationIds(tx, limit));
    const outcomes = await this.deliver(pending);
    return outcomes.filter((outcome) => outcome !== 'pending').length;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.deliverPending()
      .then((delivered) => {
        if (delivered > 0) this.logger.info({ delivered }, 'delivered pending payment allocations to invoice lifecycles');
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'pending payment allocations not delivered yet'))
      .finally(() => {
        this.running = undefined;
      });
  }

  private async deliverOne(allocationId: string): Promise<DeliveryOutcome> {
    try {
      const { allocation, payment } = await this.db.read(async (tx) => {
        const allocation = await findAllocation(tx, allocationId);
        return { allocation, payment: allocation && (await findPayment(tx, allocation.paymentId)) };
      });
      if (!allocation) return 'pending';
      if (allocation.signalledAt) return 'signalled';
      if (!payment) throw new Error(`no payment ${allocation.paymentId}`);
      const signal: PaymentSignal = { paymentId: payment.id, amountCents: allocation.amountCents, paidOn: payment.paidOn };
      try {
        await this.temporal.workflow.getHandle(invoiceLifecycleWorkflowId(allocation.invoiceId)).signal(InvoiceLifecycleSignals.payment, signal);
      } catch (error) {
        if (!(await this.lifecycleHasEnded(error, allocation.invoiceId))) throw error;
        // The invoice was settled some other way before this money came; the overpayment rule
        // already put any excess on the credit balance, so the allocation stands unsignalled.
        await this.markDelivered(allocationId, 'the invoice lifecycle had already ended; the allocation stands without a signal');
        this.logger.info({ allocationId, invoiceId: allocation.invoiceId }, 'payment allocated to an invoice whose lifecycle has ended');
        return 'lifecycle-ended';
      }
      await this.markDelivered(allocationId, null);
      return 'signalled';
    } catch (error) {
      this.logger.warn({ err: error, allocationId }, 'payment allocation not signalled yet; it will be retried');
      await this.db
        .transaction((tx) => markAllocationAttemptFailed(tx, allocationId, `last attempt failed: ${(error as Error).message ?? String(error)}`))
        .catch(() => undefined);
      return 'pending';
    }
  }

  /**
   * "Not found" means either the lifecycle is over or it has not been started yet (the invoice
   * was stored while Temporal was away). Only the first settles the delivery; in the second case
   * the signal must wait for the lifecycle starter.
   */
  private async lifecycleHasEnded(error: unknown, invoiceId: string): Promise<boolean> {
    const notFound = error instanceof WorkflowNotFoundError || (error as Error | undefined)?.name === 'WorkflowNotFoundError';
    if (!notFound) return false;
    const invoice = await this.db.read((tx) => findInvoice(tx, invoiceId));
    return invoice?.lifecycleStarted === true;
  }

  private async markDelivered(allocationId: string, note: string | null): Promise<void> {
    await this.db.transaction((tx) => markAllocationDelivered(tx, allocationId, note));
  }
}
