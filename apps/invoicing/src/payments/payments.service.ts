import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Logger } from 'pino';
import { type Currency, DomainValidationError, Money, normalisePaymentReference, parseLocalDate } from '@clientfees/domain';
import type { InvoiceState } from '@clientfees/contracts';
import { SERVICE_LOGGER } from '@clientfees/platform';
import { Organisation } from '../organisations/organisation.entity';
import { Invoice } from '../invoices/invoice.entity';
import { Payment, PaymentSource } from './payment.entity';
import { PaymentAllocation } from './payment-allocation.entity';
import { PaymentFile } from './payment-file.entity';
import { CreditBalance } from './credit-balance.entity';
import { RefundProposal } from './refund-proposal.entity';
import { parseCamt054 } from './camt054.parser';
import { PaymentDelivery } from './payment-delivery';
import type { CreditBalanceQuery, ListPaymentsQuery, RecordPaymentDto, RefundProposalQuery } from './payments.dto';
import type { ImportSummaryView, PaymentDetails } from './payment.view';

/** Who automatic matching acts as, in allocations and logs. */
export const SYSTEM_ACTOR = 'system:payments';

interface IncomingPayment {
  source: PaymentSource;
  externalId: string;
  amountCents: number;
  currency: Currency;
  bookingDate: string;
  valueDate: string | null;
  reference: string | null;
  debtorName: string | null;
}

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
    private readonly dataSource: DataSource,
    private readonly delivery: PaymentDelivery,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** One payment from a caller; the same externalId again answers the payment already recorded. */
  async record(dto: RecordPaymentDto, actor: string): Promise<{ details: PaymentDetails; created: boolean }> {
    const organisation = await this.organisation(dto.organisationId);
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

    const [received] = await this.dataSource.transaction((db) => this.receive(db, organisation, [incoming], actor, null));
    if (received.paymentId === null) {
      const existing = await this.dataSource.getRepository(Payment).findOneByOrFail({ organisationId: organisation.id, source: 'rest', externalId: incoming.externalId });
      const same =
        existing.amountCents === incoming.amountCents &&
        existing.currency === incoming.currency &&
        existing.bookingDate === incoming.bookingDate &&
        (existing.reference ?? '') === (incoming.reference ?? '');
      if (!same) {
        throw new ConflictException({
          statusCode: 409,
          message: `externalId ${incoming.externalId} already records a different payment`,
          problems: [{ field: 'externalId', reason: 'already records a different payment (amount, currency, date or reference differ)' }],
        });
      }
      return { details: await this.get(existing.id), created: false };
    }
    await this.delivery.deliverSoon(received.allocationId ? [received.allocationId] : []);
    this.logger.info({ paymentId: received.paymentId, organisationId: organisation.id, matched: received.matched }, 'payment recorded');
    return { details: await this.get(received.paymentId), created: true };
  }

  /**
   * Imports a camt.054 notification. The file is recorded once by its message id: a second
   * import of the same message reports every payment as a duplicate without touching anything,
   * and an entry that reappears in another file is a duplicate by its external id.
   */
  async importCamt054(organisationId: string, xml: string, actor: string): Promise<ImportSummaryView> {
    const organisation = await this.organisation(organisationId);
    const notification = parseCamt054(xml);
    const incoming: IncomingPayment[] = notification.payments.map((payment) => ({ source: 'camt054', ...payment }));
    const base = { messageId: notification.messageId, entries: incoming.length, ignoredEntries: notification.ignoredEntries };

    const outcome = await this.dataSource.transaction(async (db) => {
      const fileId = randomUUID();
      // A concurrent import of the same message waits here for the first one and then finds its row.
      const inserted = (await db.query(
        `INSERT INTO payment_file (id, organisation_id, format, message_id, schema, payment_count, ignored_entries, imported_by)
         VALUES ($1, $2, 'camt054', $3, $4, $5, $6, $7)
         ON CONFLICT (organisation_id, format, message_id) DO NOTHING RETURNING id`,
        [fileId, organisation.id, notification.messageId, notification.schema, incoming.length, notification.ignoredEntries, actor],
      )) as Array<{ id: string }>;
      if (inserted.length === 0) {
        const existing = await db.getRepository(PaymentFile).findOneByOrFail({ organisationId: organisation.id, format: 'camt054', messageId: notification.messageId });
        return { fileId: existing.id, received: null };
      }
      return { fileId, received: await this.receive(db, organisation, incoming, actor, fileId) };
    });

    if (outcome.received === null) {
      this.logger.info({ organisationId, fileId: outcome.fileId }, 'camt.054 message imported before; nothing changed');
      return { fileId: outcome.fileId, ...base, created: 0, duplicates: incoming.length, allocated: 0, unmatched: 0, creditBalanceCents: 0 };
    }
    const received = outcome.received;
    await this.delivery.deliverSoon(received.flatMap((r) => (r.allocationId ? [r.allocationId] : [])));
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
    const allocated = await this.dataSource.transaction(async (db) => {
      const payment = await db.getRepository(Payment).findOne({ where: { id: paymentId }, lock: { mode: 'pessimistic_write' } });
      if (!payment) throw new NotFoundException(`no payment ${paymentId}`);
      if (payment.status !== 'unmatched') {
        throw new ConflictException({
          statusCode: 409,
          message: `payment ${paymentId} is already ${payment.status}`,
          problems: [{ field: 'paymentId', reason: `only an unmatched payment can be allocated by hand; this one is ${payment.status}` }],
        });
      }
      const invoice = await db.getRepository(Invoice).findOne({ where: { id: invoiceId }, lock: { mode: 'pessimistic_write' } });
      if (!invoice || invoice.organisationId !== payment.organisationId) {
        throw new DomainValidationError('no invoice with this id in the payment’s organisation', 'invoiceId');
      }
      if (invoice.currency !== payment.currency) {
        throw new DomainValidationError(`the invoice is in ${invoice.currency}, the payment in ${payment.currency}`, 'invoiceId');
      }
      return allocate(db, payment, invoice, actor);
    });
    await this.delivery.deliverSoon(allocated.allocationId ? [allocated.allocationId] : []);
    this.logger.info({ paymentId, invoiceId, actor }, 'unmatched payment allocated by hand');
    return this.get(paymentId);
  }

  async get(id: string): Promise<PaymentDetails> {
    const payment = await this.dataSource.getRepository(Payment).findOneBy({ id });
    if (!payment) throw new NotFoundException(`no payment ${id}`);
    return (await this.details([payment]))[0];
  }

  async list(query: ListPaymentsQuery): Promise<PaymentDetails[]> {
    const payments = await this.dataSource.getRepository(Payment).find({
      where: {
        organisationId: query.organisationId,
        ...(query.invoiceId ? { invoiceId: query.invoiceId } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
    });
    return this.details(payments);
  }

  /** The finance centre's queue, oldest first. */
  async unmatched(organisationId: string): Promise<PaymentDetails[]> {
    const payments = await this.dataSource.getRepository(Payment).find({
      where: { organisationId, status: 'unmatched' },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: 1000,
    });
    return this.details(payments);
  }

  async creditBalances(query: CreditBalanceQuery): Promise<{ credits: CreditBalance[]; refunds: RefundProposal[] }> {
    const credits = await this.dataSource.getRepository(CreditBalance).find({
      where: { organisationId: query.organisationId, ...(query.clientNumber ? { clientNumber: query.clientNumber } : {}) },
      order: { clientNumber: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    const refunds = credits.length
      ? await this.dataSource.getRepository(RefundProposal).findBy({ creditBalanceId: In(credits.map((credit) => credit.id)) })
      : [];
    return { credits, refunds };
  }

  refundProposals(query: RefundProposalQuery): Promise<RefundProposal[]> {
    return this.dataSource.getRepository(RefundProposal).find({
      where: { organisationId: query.organisationId, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: 1000,
    });
  }

  /** Approving twice keeps the first approval: the decision is recorded, no money moves here. */
  async approveRefund(id: string, actor: string): Promise<RefundProposal> {
    const repository = this.dataSource.getRepository(RefundProposal);
    await repository
      .createQueryBuilder()
      .update()
      .set({ status: 'approved', approvedBy: actor, approvedAt: () => 'now()' })
      .where("id = :id AND status = 'proposed'", { id })
      .execute();
    const proposal = await repository.findOneBy({ id });
    if (!proposal) throw new NotFoundException(`no refund proposal ${id}`);
    return proposal;
  }

  /**
   * Records the payments that are new and puts each on the invoice its reference names. The
   * candidate invoices are locked first, in id order, so that concurrent imports touching the
   * same invoices queue instead of deadlocking, and an invoice's open amount cannot be taken
   * twice.
   */
  private async receive(db: EntityManager, organisation: Organisation, incoming: IncomingPayment[], actor: string, fileId: string | null): Promise<Received[]> {
    const references = incoming.map((payment) => normalisePaymentReference(payment.reference, organisation.country));
    const wanted = [...new Set(references.flatMap((reference) => (reference.valid ? [reference.value] : [])))];
    const invoices = wanted.length
      ? await db
          .getRepository(Invoice)
          .createQueryBuilder('invoice')
          .setLock('pessimistic_write')
          .where('invoice.organisationId = :organisationId', { organisationId: organisation.id })
          .andWhere('(invoice.paymentReference IN (:...wanted) OR invoice.paymentReferenceInternational IN (:...wanted))', { wanted })
          .orderBy('invoice.id')
          .getMany()
      : [];
    const byReference = new Map<string, Invoice>();
    for (const invoice of invoices) {
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
      const rows = (await db.query(
        `INSERT INTO payment (id, organisation_id, source, external_id, file_id, amount_cents, currency, booking_date, value_date,
                              reference, normalised_reference, debtor_name, status, unmatched_reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'unmatched', $13, $14)
         ON CONFLICT (organisation_id, source, external_id) DO NOTHING RETURNING id`,
        [
          id,
          organisation.id,
          payment.source,
          payment.externalId,
          fileId,
          payment.amountCents,
          payment.currency,
          payment.bookingDate,
          payment.valueDate,
          payment.reference,
          normalised,
          payment.debtorName,
          reason,
          actor,
        ],
      )) as Array<{ id: string }>;
      if (rows.length > 0) ids[i] = id;
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
      const allocated = await allocate(db, { id: paymentId, amountCents: plan.payment.amountCents, currency: plan.payment.currency }, plan.invoice, SYSTEM_ACTOR);
      received.push({ paymentId, matched: true, ...allocated });
    }
    return received;
  }

  private async details(payments: Payment[]): Promise<PaymentDetails[]> {
    if (payments.length === 0) return [];
    const ids = payments.map((payment) => payment.id);
    const [allocations, credits, refunds] = await Promise.all([
      this.dataSource.getRepository(PaymentAllocation).find({ where: { paymentId: In(ids) }, order: { createdAt: 'ASC' } }),
      this.dataSource.getRepository(CreditBalance).findBy({ paymentId: In(ids) }),
      this.dataSource.getRepository(RefundProposal).findBy({ paymentId: In(ids) }),
    ]);
    return payments.map((payment) => ({
      payment,
      allocations: allocations.filter((allocation) => allocation.paymentId === payment.id),
      credit: credits.find((credit) => credit.paymentId === payment.id) ?? null,
      refund: refunds.find((refund) => refund.paymentId === payment.id) ?? null,
    }));
  }

  private async organisation(id: string): Promise<Organisation> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!organisation) throw new DomainValidationError(`no organisation ${id}`, 'organisationId');
    return organisation;
  }
}

/** States in which the lifecycle has ended and counts no more money. */
const CLOSED: readonly InvoiceState[] = ['paid', 'credited', 'waived', 'written-off'];

/**
 * Puts a payment on a (locked) invoice: up to what the invoice still has open, the rest on the
 * client's credit balance with a refund proposal. The open amount is the total less credit notes
 * and earlier allocations, not the workflow's count, because allocations made a moment ago may
 * not have reached the workflow yet. A closed invoice has nothing open whatever the allocations
 * say: it may have been settled outside this service (the agency's report), and its lifecycle
 * would not count the money anyway.
 */
async function allocate(db: EntityManager, payment: Pick<Payment, 'id' | 'amountCents' | 'currency'>, invoice: Invoice, actor: string): Promise<Allocated> {
  const [{ allocated, credited }] = (await db.query(
    `SELECT (SELECT COALESCE(SUM(amount_cents), 0) FROM payment_allocation WHERE invoice_id = $1)::bigint AS allocated,
            (SELECT COALESCE(SUM(amount_cents), 0) FROM credit_note WHERE invoice_id = $1)::bigint AS credited`,
    [invoice.id],
  )) as Array<{ allocated: number; credited: number }>;
  const open = CLOSED.includes(invoice.state) ? 0 : Math.max(0, invoice.totalCents - credited - allocated);
  const toInvoice = Math.min(open, payment.amountCents);
  const excess = payment.amountCents - toInvoice;

  let allocationId: string | null = null;
  if (toInvoice > 0) {
    allocationId = randomUUID();
    await db.getRepository(PaymentAllocation).insert({ id: allocationId, paymentId: payment.id, invoiceId: invoice.id, amountCents: toInvoice, allocatedBy: actor });
  }
  if (excess > 0) {
    const creditBalanceId = randomUUID();
    const common = { organisationId: invoice.organisationId, clientNumber: invoice.clientNumber, amountCents: excess, currency: payment.currency, paymentId: payment.id };
    await db.getRepository(CreditBalance).insert({ id: creditBalanceId, ...common, invoiceId: invoice.id });
    await db.getRepository(RefundProposal).insert({ id: randomUUID(), ...common, creditBalanceId, status: 'proposed', approvedBy: null, approvedAt: null });
  }
  await db
    .getRepository(Payment)
    .update({ id: payment.id }, { invoiceId: invoice.id, status: excess > 0 ? 'refund-proposed' : 'allocated', unmatchedReason: null });
  return { allocationId, creditCents: excess };
}
