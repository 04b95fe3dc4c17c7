import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DomainValidationError, isClosedInvoiceState, Money, normalisePaymentReference, parseLocalDate } from '@clientfees/domain';
import { conflict, Database, SERVICE_LOGGER, SignalOutbox, Tx } from '@clientfees/platform';
import { findInvoice, Invoice, lockInvoicesByReference, recordInvoiceEvent } from '../invoices/invoice.queries';
import { organisationFromBody } from '../organisations/organisation-lookup';
import type { Organisation } from '../organisations/organisation.queries';
import {
  allocationsOfPayments,
  findPayment,
  findPaymentByExternalId,
  insertAllocation,
  insertCreditLossRecovery,
  insertPayment,
  invoiceSettledCents,
  listPayments,
  markPaymentAllocated,
  Payment,
  paymentFileId,
  PaymentSource,
  recordPaymentFile,
  recoveredCents,
  recoveriesOfPayments,
  unmatchedPayments,
} from './payment.queries';
import {
  approveRefundProposal,
  CreditBalance,
  creditBalances,
  creditBalancesOfPayments,
  insertCreditWithRefundProposal,
  RefundProposal,
  refundProposals,
  refundProposalsOf,
} from './credit-balance.queries';
import { Camt054Payment, parseCamt054 } from './camt054.parser';
import { paymentDelivery, paymentDeliveryKey } from './payment-delivery';
import type { CreditBalanceQuery, ListPaymentsQuery, RecordPaymentDto, RefundProposalQuery } from './payments.dto';
import type { ImportSummaryView, PaymentDetails } from './payment.view';

/** Who automatic matching acts as, in allocations and logs. */
export const SYSTEM_ACTOR = 'system:payments';

/** A payment as a caller or a bank file brings it. */
type IncomingPayment = Camt054Payment & { source: PaymentSource };

interface Received {
  /** Null when the payment had been recorded before. */
  paymentId: string | null;
  matched: boolean;
  creditCents: number;
  allocationId: string | null;
}

interface Allocated {
  allocationId: string | null;
  creditCents: number;
}

/**
 * Receives payments and puts them on invoices by reference. Everything a payment changes (the
 * payment, its allocation, a credit balance, a refund proposal) is written in one transaction;
 * only then is the invoice's lifecycle signalled, so a failed signal is retried and never lost.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: Database,
    private readonly outbox: SignalOutbox,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** One payment from a caller; the same externalId again answers the payment already recorded. */
  async record(dto: RecordPaymentDto, actor: string): Promise<{ details: PaymentDetails; created: boolean }> {
    const organisation = await this.db.read((tx) => organisationFromBody(tx, dto.organisationId));
    const amount = Money.parse(dto.amount, dto.currency, 'amount');
    if (!amount.isPositive()) throw new DomainValidationError('must be more than zero', 'amount');
    const paidOn = parseLocalDate(dto.paidOn, 'paidOn');
    if (dto.externalId.trim() === '') throw new DomainValidationError('must not be blank', 'externalId');
    const incoming: IncomingPayment = {
      source: 'rest',
      externalId: dto.externalId.trim(),
      amountCents: amount.minorUnits,
      currency: dto.currency,
      bookingDate: paidOn,
      valueDate: paidOn,
      reference: dto.reference.trim() || null,
      debtorName: dto.debtorName?.trim() || null,
    };

    const [received] = await this.db.transaction((tx) => receive(tx, this.outbox, organisation, [incoming], actor, null));
    if (received.paymentId === null) {
      const existing = await this.db.read((tx) => findPaymentByExternalId(tx, organisation.id, 'rest', incoming.externalId));
      if (!existing) throw new Error(`payment ${incoming.externalId} was recorded and is gone`);
      const same =
        existing.amountCents === incoming.amountCents &&
        existing.currency === incoming.currency &&
        existing.bookingDate === incoming.bookingDate &&
        (existing.reference ?? '') === (incoming.reference ?? '');
      if (!same) {
        throw conflict(
          `externalId ${incoming.externalId} already records a different payment`,
          'externalId',
          'already records a different payment (amount, currency, date or reference differ)',
        );
      }
      return { details: await this.get(existing.id), created: false };
    }
    await this.outbox.deliverSoon(received.allocationId ? [paymentDeliveryKey(received.allocationId)] : []);
    this.logger.info({ paymentId: received.paymentId, organisationId: organisation.id, matched: received.matched }, 'payment recorded');
    return { details: await this.get(received.paymentId), created: true };
  }

  /**
   * Imports a camt.054 notification. The file is recorded once by its message id: a second
   * import of the same message reports every payment as a duplicate without touching anything,
   * and an entry that reappears in another file is a duplicate by its external id.
   */
  async importCamt054(organisationId: string, xml: string, actor: string): Promise<ImportSummaryView> {
    const organisation = await this.db.read((tx) => organisationFromBody(tx, organisationId));
    const notification = parseCamt054(xml);
    const incoming: IncomingPayment[] = notification.payments.map((payment) => ({ source: 'camt054', ...payment }));
    const base = { messageId: notification.messageId, entries: incoming.length, ignoredEntries: notification.ignoredEntries };

    const outcome = await this.db.transaction(async (tx) => {
      const file = {
        id: randomUUID(),
        organisationId: organisation.id,
        messageId: notification.messageId,
        schema: notification.schema,
        paymentCount: incoming.length,
        ignoredEntries: notification.ignoredEntries,
        importedBy: actor,
      };
      if (!(await recordPaymentFile(tx, file))) return { fileId: await paymentFileId(tx, organisation.id, notification.messageId), received: null };
      return { fileId: file.id, received: await receive(tx, this.outbox, organisation, incoming, actor, file.id) };
    });

    if (outcome.received === null) {
      this.logger.info({ organisationId, fileId: outcome.fileId }, 'camt.054 message imported before; nothing changed');
      return { fileId: outcome.fileId, ...base, created: 0, duplicates: incoming.length, allocated: 0, unmatched: 0, creditBalanceCents: 0 };
    }
    const received = outcome.received;
    await this.outbox.deliverSoon(received.flatMap((r) => (r.allocationId ? [paymentDeliveryKey(r.allocationId)] : [])));
    const created = received.filter((r) => r.paymentId !== null);
    const summary: ImportSummaryView = {
      fileId: outcome.fileId,
      ...base,
      created: created.length,
      duplicates: received.length - created.length,
      allocated: created.filter((r) => r.matched).length,
      unmatched: created.filter((r) => !r.matched).length,
      creditBalanceCents: created.reduce((total, r) => total + r.creditCents, 0),
    };
    this.logger.info({ organisationId, ...summary }, 'camt.054 message imported');
    return summary;
  }

  /** The finance centre puts an unmatched payment on an invoice; allocated and signalled as if matched. */
  async allocateManually(paymentId: string, invoiceId: string, actor: string): Promise<PaymentDetails> {
    const allocated = await this.db.transaction(async (tx) => {
      const payment = await findPayment(tx, paymentId, { lock: true });
      if (!payment) throw new NotFoundException(`no payment ${paymentId}`);
      if (payment.status !== 'unmatched') {
        throw conflict(`payment ${paymentId} is already ${payment.status}`, 'paymentId', `only an unmatched payment can be allocated by hand; this one is ${payment.status}`);
      }
      const invoice = await findInvoice(tx, invoiceId, { lock: true });
      if (!invoice || invoice.organisationId !== payment.organisationId) {
        throw new DomainValidationError('no invoice with this id in the payment’s organisation', 'invoiceId');
      }
      if (invoice.currency !== payment.currency) {
        throw new DomainValidationError(`the invoice is in ${invoice.currency}, the payment in ${payment.currency}`, 'invoiceId');
      }
      return allocate(tx, this.outbox, payment, invoice, actor);
    });
    await this.outbox.deliverSoon(allocated.allocationId ? [paymentDeliveryKey(allocated.allocationId)] : []);
    this.logger.info({ paymentId, invoiceId, actor }, 'unmatched payment allocated by hand');
    return this.get(paymentId);
  }

  async get(id: string): Promise<PaymentDetails> {
    return this.db.read(async (tx) => {
      const payment = await findPayment(tx, id);
      if (!payment) throw new NotFoundException(`no payment ${id}`);
      return (await details(tx, this.outbox, [payment]))[0];
    });
  }

  list(query: ListPaymentsQuery): Promise<PaymentDetails[]> {
    return this.db.read(async (tx) => details(tx, this.outbox, await listPayments(tx, query)));
  }

  /** The finance centre's queue, oldest first. */
  unmatched(organisationId: string): Promise<PaymentDetails[]> {
    return this.db.read(async (tx) => details(tx, this.outbox, await unmatchedPayments(tx, organisationId)));
  }

  creditBalances(query: CreditBalanceQuery): Promise<{ credits: CreditBalance[]; refunds: RefundProposal[] }> {
    return this.db.read(async (tx) => {
      const credits = await creditBalances(tx, { organisationId: query.organisationId, clientNumber: query.clientNumber || undefined });
      const refunds = credits.length ? await refundProposalsOf(tx, { creditBalanceIds: credits.map((credit) => credit.id) }) : [];
      return { credits, refunds };
    });
  }

  refundProposals(query: RefundProposalQuery): Promise<RefundProposal[]> {
    return this.db.read((tx) => refundProposals(tx, query));
  }

  /** Approving twice keeps the first approval: the decision is recorded, no money moves here. */
  async approveRefund(id: string, actor: string): Promise<RefundProposal> {
    const proposal = await this.db.transaction((tx) => approveRefundProposal(tx, id, actor));
    if (!proposal) throw new NotFoundException(`no refund proposal ${id}`);
    return proposal;
  }
}

/**
 * Records the payments that are new and puts each on the invoice its reference names. The
 * candidate invoices are locked first, in id order, so that concurrent imports touching the
 * same invoices queue instead of deadlocking, and an invoice's open amount cannot be taken twice.
 */
async function receive(tx: Tx, outbox: SignalOutbox, organisation: Organisation, incoming: IncomingPayment[], actor: string, fileId: string | null): Promise<Received[]> {
  const references = incoming.map((payment) => normalisePaymentReference(payment.reference, organisation.country));
  const wanted = [...new Set(references.flatMap((reference) => (reference.valid ? [reference.value] : [])))];
  const byReference = new Map<string, Invoice>();
  for (const invoice of await lockInvoicesByReference(tx, organisation.id, wanted)) {
    byReference.set(invoice.paymentReference, invoice);
    if (invoice.paymentReferenceInternational) byReference.set(invoice.paymentReferenceInternational, invoice);
  }

  const plans = incoming.map((payment, i) => {
    const reference = references[i];
    if (!reference.valid) return { payment, normalised: null, invoice: null, reason: reference.problem };
    const invoice = byReference.get(reference.value) ?? null;
    if (!invoice) return { payment, normalised: reference.value, invoice: null, reason: 'no invoice of the organisation has this reference' };
    if (invoice.currency !== payment.currency) {
      return { payment, normalised: reference.value, invoice: null, reason: `the invoice with this reference is in ${invoice.currency}, the payment in ${payment.currency}` };
    }
    return { payment, normalised: reference.value, invoice, reason: null };
  });

  // Inserted in external-id order so that two files sharing entries take the unique-key locks
  // in the same order.
  const ids: Array<string | null> = new Array(plans.length).fill(null);
  const order = plans.map((_, i) => i).sort((a, b) => (plans[a].payment.externalId < plans[b].payment.externalId ? -1 : plans[a].payment.externalId > plans[b].payment.externalId ? 1 : a - b));
  for (const i of order) {
    const { payment, normalised, reason } = plans[i];
    const id = randomUUID();
    const created = await insertPayment(tx, { id, organisationId: organisation.id, ...payment, fileId, normalisedReference: normalised, unmatchedReason: reason, createdBy: actor });
    if (created) ids[i] = id;
  }

  // Allocated in file order: when one file pays the same invoice twice, the earlier payment
  // takes the open amount first.
  const received: Received[] = [];
  for (const [i, plan] of plans.entries()) {
    const paymentId = ids[i];
    if (paymentId === null) {
      received.push({ paymentId: null, matched: false, creditCents: 0, allocationId: null });
      continue;
    }
    if (!plan.invoice) {
      received.push({ paymentId, matched: false, creditCents: 0, allocationId: null });
      continue;
    }
    const { amountCents, currency, valueDate, bookingDate } = plan.payment;
    const allocated = await allocate(tx, outbox, { id: paymentId, amountCents, currency, paidOn: valueDate ?? bookingDate }, plan.invoice, SYSTEM_ACTOR);
    received.push({ paymentId, matched: true, ...allocated });
  }
  return received;
}

/** Each payment with its allocations (and their signals), and the credit and refund proposal its excess made. */
async function details(tx: Tx, outbox: SignalOutbox, payments: Payment[]): Promise<PaymentDetails[]> {
  if (payments.length === 0) return [];
  const ids = payments.map((payment) => payment.id);
  const [allocations, credits, refunds, recoveries] = await Promise.all([
    allocationsOfPayments(tx, ids),
    creditBalancesOfPayments(tx, ids),
    refundProposalsOf(tx, { paymentIds: ids }),
    recoveriesOfPayments(tx, ids),
  ]);
  const signals = await outbox.deliveries(tx, allocations.map((allocation) => paymentDeliveryKey(allocation.id)));
  const deliveries = new Map(allocations.flatMap((allocation) => {
    const delivery = signals.get(paymentDeliveryKey(allocation.id));
    return delivery ? [[allocation.id, delivery] as const] : [];
  }));
  return payments.map((payment) => ({
    payment,
    recoveredCents: recoveries.find((recovery) => recovery.paymentId === payment.id)?.amountCents ?? null,
    allocations: allocations.filter((allocation) => allocation.paymentId === payment.id),
    deliveries,
    credit: credits.find((credit) => credit.paymentId === payment.id) ?? null,
    refund: refunds.find((refund) => refund.paymentId === payment.id) ?? null,
  }));
}

/**
 * Puts a payment on a (locked) invoice: up to what the invoice still has open (on a written-off
 * invoice: what was written off, as a recovered credit loss), the rest on the client's credit
 * balance with a refund proposal. The open amount is the total less credit notes
 * and earlier allocations, not the workflow's count, because allocations made a moment ago may
 * not have reached the workflow yet. A closed invoice has nothing open whatever the allocations
 * say: it may have been settled outside this service (the agency's report), and its lifecycle
 * would not count the money anyway.
 */
async function allocate(
  tx: Tx,
  outbox: SignalOutbox,
  payment: Pick<Payment, 'id' | 'amountCents' | 'currency' | 'paidOn'>,
  invoice: Invoice,
  actor: string,
): Promise<Allocated> {
  const { allocated, credited } = await invoiceSettledCents(tx, invoice.id);
  const open = isClosedInvoiceState(invoice.state) ? 0 : Math.max(0, invoice.totalCents - credited - allocated);
  const toInvoice = Math.min(open, payment.amountCents);
  // Paid to a written-off invoice: up to what was written off (and not recovered yet), a
  // recovered credit loss on the invoice's timeline, not money to pay back.
  const recoverable = invoice.state === 'written-off' ? Math.max(0, invoice.totalCents - credited - allocated - (await recoveredCents(tx, invoice.id))) : 0;
  const toRecovery = Math.min(recoverable, payment.amountCents - toInvoice);
  const excess = payment.amountCents - toInvoice - toRecovery;

  let allocationId: string | null = null;
  if (toInvoice > 0) {
    allocationId = randomUUID();
    await insertAllocation(tx, { id: allocationId, paymentId: payment.id, invoiceId: invoice.id, amountCents: toInvoice, allocatedBy: actor });
    await outbox.enqueue(tx, paymentDelivery({ id: allocationId, invoiceId: invoice.id, amountCents: toInvoice }, payment));
  }
  if (toRecovery > 0) {
    await insertCreditLossRecovery(tx, { id: randomUUID(), organisationId: invoice.organisationId, paymentId: payment.id, invoiceId: invoice.id, amountCents: toRecovery, currency: payment.currency, recordedBy: actor });
    const amount = Money.ofMinor(toRecovery, payment.currency).toDecimalString();
    await recordInvoiceEvent(tx, { invoiceId: invoice.id, state: 'written-off', actor, reason: `recovered credit loss of ${amount}: payment ${payment.id}` }, null);
  }
  if (excess > 0) {
    await insertCreditWithRefundProposal(tx, {
      creditBalanceId: randomUUID(),
      refundProposalId: randomUUID(),
      organisationId: invoice.organisationId,
      clientNumber: invoice.clientNumber,
      amountCents: excess,
      currency: payment.currency,
      paymentId: payment.id,
      invoiceId: invoice.id,
    });
  }
  await markPaymentAllocated(tx, payment.id, invoice.id, toRecovery > 0 ? 'credit-loss-recovered' : excess > 0 ? 'refund-proposed' : 'allocated');
  return { allocationId, creditCents: excess };
}
