import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import {
  checkInvoiceDate,
  DomainValidationError,
  isClosedInvoiceState,
  localDateInZone,
  Money,
  parseLocalDate,
  paymentReferencesFor,
  validateFinnishPersonalIdentityCode,
  validateSwedishPersonalIdentityNumber,
} from '@clientfees/domain';
import { InvoiceLifecycleInput, InvoiceStateChange, TransferRunPage } from '@clientfees/contracts';
import { Database, InvoiceLifecycles, SERVICE_LOGGER } from '@clientfees/platform';
import { findOrganisation } from '../organisations/organisation.queries';
import { organisationFromBody } from '../organisations/organisation-lookup';
import {
  creditNoteByKey,
  findInvoice,
  findInvoiceWithHistory,
  insertCreditNote,
  insertInvoice,
  Invoice,
  invoicesAwaitingLifecycle,
  invoicesEligibleForTransfer,
  InvoiceWithHistory,
  listInvoicesWithHistory,
  markLifecycleStarted,
  recordInvoiceEvent,
  takeInvoiceNumbers,
} from './invoice.queries';
import type { CreateInvoiceDto, ListInvoicesQuery } from './invoices.dto';

/** Invoices (lasku / faktura): issuing them, their lifecycles, and the changes those record. */
@Injectable()
export class InvoicesService {
  constructor(
    private readonly db: Database,
    private readonly lifecycles: InvoiceLifecycles,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Stores the invoice and starts its lifecycle workflow. An invoice whose lifecycle cannot be
   * started yet keeps its number (the series stays gapless); the lifecycle starter retries.
   */
  async create(dto: CreateInvoiceDto, actor: string): Promise<InvoiceWithHistory> {
    const organisation = await this.db.read((tx) => organisationFromBody(tx, dto.organisationId));
    if (validateFinnishPersonalIdentityCode(dto.clientNumber).valid || validateSwedishPersonalIdentityNumber(dto.clientNumber).valid) {
      throw new DomainValidationError('a personal identity code may not be used as a client number', 'clientNumber');
    }
    const invoiceDate = checkInvoiceDate(parseLocalDate(dto.invoiceDate, 'invoiceDate'), localDateInZone(Date.now(), organisation.timeZone));
    const amounts = dto.rows.map((row, i) => Money.parse(row.amount, organisation.currency, `rows.${i}.amount`));
    const total = Money.sum(amounts, organisation.currency);
    if (!total.isPositive()) throw new DomainValidationError('the rows must add up to more than zero', 'rows');

    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      const invoiceNumber = await takeInvoiceNumbers(tx, organisation.id);
      const references = paymentReferencesFor(organisation.country, invoiceNumber);
      await insertInvoice(tx, {
        id,
        organisationId: organisation.id,
        invoiceNumber,
        paymentReference: references.national,
        paymentReferenceInternational: references.international,
        recipient: { ...dto.recipient, country: dto.recipient.country ?? organisation.country },
        clientNumber: dto.clientNumber,
        currency: organisation.currency,
        totalCents: total.minorUnits,
        invoiceDate,
        createdBy: actor,
        rows: dto.rows.map((row, i) => ({ description: row.description, amountCents: amounts[i].minorUnits })),
      });
    });

    try {
      await this.startLifecycle(await this.get(id));
    } catch (error) {
      this.logger.warn({ err: error, invoiceId: id }, 'invoice lifecycle not started yet; it will be retried');
    }
    this.logger.info({ invoiceId: id, organisationId: organisation.id }, 'invoice created');
    return this.get(id);
  }

  /**
   * Starts the invoice's lifecycle workflow. The workflow id comes from the invoice id, so a
   * second start of the same invoice (a retry, another instance) finds it running and is a no-op.
   * A paid invoice that a bank's reversal reopened (`lifecycleResumption`) gets a new run of the
   * same id that resumes from the reopened state; while its ended run is still closing (it answers
   * a closed state) the start is left for the lifecycle starter's next round.
   */
  async startLifecycle(
    invoice: Pick<Invoice, 'id' | 'organisationId' | 'clientNumber' | 'totalCents' | 'currency' | 'state'> & Partial<Pick<Invoice, 'lifecycleResumption'>>,
  ): Promise<'started' | 'pending'> {
    const resumed = invoice.lifecycleResumption ?? undefined;
    const input: InvoiceLifecycleInput = {
      invoiceId: invoice.id,
      organisationId: invoice.organisationId,
      clientNumber: invoice.clientNumber,
      totalCents: invoice.totalCents,
      currency: invoice.currency,
      ...(resumed ? { resumed } : {}),
    };
    const started = await this.lifecycles.start(input, invoice.state);
    if (started === 'already-started' && resumed && isClosedInvoiceState((await this.lifecycles.status(invoice.id)).state)) {
      this.logger.info({ invoiceId: invoice.id }, 'reopened invoice: its ended lifecycle is still closing; resumed on the next round');
      return 'pending';
    }
    await this.db.transaction((tx) => markLifecycleStarted(tx, invoice.id));
    return 'started';
  }

  /** Starts the lifecycles that could not be started when their invoices were issued. */
  async startPendingLifecycles(limit = 500): Promise<number> {
    const pending = await this.db.read((tx) => invoicesAwaitingLifecycle(tx, limit));
    for (const invoice of pending) await this.startLifecycle(invoice);
    return pending.length;
  }

  list(query: ListInvoicesQuery): Promise<InvoiceWithHistory[]> {
    return this.db.read((tx) => listInvoicesWithHistory(tx, query));
  }

  async get(id: string): Promise<InvoiceWithHistory> {
    const invoice = await this.db.read((tx) => findInvoiceWithHistory(tx, id));
    if (!invoice) throw new NotFoundException(`no invoice ${id}`);
    return invoice;
  }

  /** The invoice's stored state (a decision's 409 names it), or undefined when there is no invoice. */
  async stateOf(id: string): Promise<string | undefined> {
    return (await this.db.read((tx) => findInvoice(tx, id)))?.state;
  }

  /** A state change with its time, actor and reason; once per idempotency key. */
  recordState(change: InvoiceStateChange, idempotencyKey: string | null): Promise<void> {
    return this.db.transaction((tx) => recordInvoiceEvent(tx, change, idempotencyKey));
  }

  /** A credit note numbered in the organisation's series, once per idempotency key, with its event. */
  async recordCreditNote(
    input: { invoiceId: string; amountCents: number; reason: string; actor: string },
    idempotencyKey: string | null,
  ): Promise<{ creditNoteId: string; creditNoteNumber: number }> {
    return this.db.transaction(async (tx) => {
      const existing = idempotencyKey ? await creditNoteByKey(tx, idempotencyKey) : null;
      if (existing) return { creditNoteId: existing.id, creditNoteNumber: existing.creditNoteNumber };
      const invoice = await findInvoice(tx, input.invoiceId);
      if (!invoice) throw new Error(`no invoice ${input.invoiceId}`);
      const creditNoteNumber = await takeInvoiceNumbers(tx, invoice.organisationId);
      const creditNoteId = randomUUID();
      await insertCreditNote(tx, {
        id: creditNoteId,
        invoiceId: invoice.id,
        organisationId: invoice.organisationId,
        creditNoteNumber,
        amountCents: input.amountCents,
        reason: input.reason,
        createdBy: input.actor,
        idempotencyKey,
      });
      const amount = Money.ofMinor(input.amountCents, invoice.currency).toDecimalString();
      const reason = `credit note ${creditNoteNumber} of ${amount}: ${input.reason}`;
      await recordInvoiceEvent(tx, { invoiceId: invoice.id, state: invoice.state, actor: input.actor, reason }, idempotencyKey);
      return { creditNoteId, creditNoteNumber };
    });
  }

  /**
   * A page of the overdue invoices a transfer run takes. A scheduled run takes the day it was
   * started on (`scheduledAtMs`, the workflows' clock) in the organisation's calendar.
   */
  async transferRunPage(input: { organisationId: string; runDate?: string; after?: string; limit: number }, scheduledAtMs: number): Promise<TransferRunPage> {
    return this.db.read(async (tx) => {
      const organisation = await findOrganisation(tx, input.organisationId);
      if (!organisation) throw new Error(`no organisation ${input.organisationId}`);
      const runDate = input.runDate ?? localDateInZone(scheduledAtMs, organisation.timeZone);
      const invoiceIds = await invoicesEligibleForTransfer(tx, { organisationId: input.organisationId, runDate, after: input.after, limit: input.limit });
      return { runDate, invoiceIds, ...(invoiceIds.length === input.limit ? { nextAfter: invoiceIds[invoiceIds.length - 1] } : {}) };
    });
  }
}
