import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Logger } from 'pino';
import { DomainValidationError, Money, parseLocalDate, paymentReferencesFor, validateFinnishPersonalIdentityCode, validateSwedishPersonalIdentityNumber } from '@clientfees/domain';
import { InvoiceLifecycleInput } from '@clientfees/contracts';
import { InvoiceLifecycles, SERVICE_LOGGER } from '@clientfees/platform';
import { Organisation } from '../organisations/organisation.entity';
import { Invoice } from './invoice.entity';
import { CreateInvoiceDto } from './create-invoice.dto';
import { ListInvoicesQuery } from './list-invoices.query';

@Injectable()
export class InvoicesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycles: InvoiceLifecycles,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Stores the invoice and starts its lifecycle workflow. If the workflow cannot be started the
   * invoice is removed again, so no invoice exists without a lifecycle watching it.
   */
  async create(dto: CreateInvoiceDto, actor: string): Promise<Invoice> {
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id: dto.organisationId });
    if (!organisation) throw new DomainValidationError(`no organisation ${dto.organisationId}`, 'organisationId');
    if (validateFinnishPersonalIdentityCode(dto.clientNumber).valid || validateSwedishPersonalIdentityNumber(dto.clientNumber).valid) {
      throw new DomainValidationError('a personal identity code may not be used as a client number', 'clientNumber');
    }
    const invoiceDate = parseLocalDate(dto.invoiceDate, 'invoiceDate');
    const amounts = dto.rows.map((row, i) => Money.parse(row.amount, organisation.currency, `rows.${i}.amount`));
    const total = Money.sum(amounts, organisation.currency);
    if (!total.isPositive()) throw new DomainValidationError('the rows must add up to more than zero', 'rows');

    const id = randomUUID();
    await this.dataSource.transaction(async (db) => {
      const invoiceNumber = await takeInvoiceNumber(db, organisation.id);
      const references = paymentReferencesFor(organisation.country, invoiceNumber);
      await db.getRepository(Invoice).save(
        db.getRepository(Invoice).create({
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
          dueDate: null,
          state: 'issued',
          createdBy: actor,
          rows: dto.rows.map((row, i) => ({ invoiceId: id, lineNumber: i + 1, description: row.description, amountCents: amounts[i].minorUnits })),
          events: [{ invoiceId: id, state: 'issued', actor, reason: 'invoice created', idempotencyKey: null }],
        }),
      );
    });

    try {
      await this.startLifecycle(await this.get(id));
    } catch (error) {
      // The invoice keeps its number (the series stays gapless); the retry loop starts it later.
      this.logger.warn({ err: error, invoiceId: id }, 'invoice lifecycle not started yet; it will be retried');
    }
    this.logger.info({ invoiceId: id, organisationId: organisation.id }, 'invoice created');
    return this.get(id);
  }

  /**
   * Starts the invoice's lifecycle workflow. The workflow id comes from the invoice id, so a
   * second start of the same invoice (a retry, another instance) finds it running and is a no-op.
   */
  async startLifecycle(invoice: Invoice): Promise<void> {
    const input: InvoiceLifecycleInput = {
      invoiceId: invoice.id,
      organisationId: invoice.organisationId,
      clientNumber: invoice.clientNumber,
      totalCents: invoice.totalCents,
      currency: invoice.currency,
    };
    await this.lifecycles.start(input, invoice.state);
    await this.dataSource.getRepository(Invoice).update({ id: invoice.id }, { lifecycleStarted: true });
  }

  /**
   * Starts the lifecycles that could not be started when their invoices were issued. A billing
   * run starts its own invoices' lifecycles right after making them; they are left to it unless
   * the run has not got to them for a quarter of an hour.
   */
  async startPendingLifecycles(limit = 500): Promise<number> {
    const pending = await this.dataSource
      .getRepository(Invoice)
      .createQueryBuilder('invoice')
      .where('NOT invoice.lifecycleStarted')
      .andWhere(`(invoice.billing_run_id IS NULL OR invoice.created_at < now() - interval '15 minutes')`)
      .orderBy('invoice.createdAt', 'ASC')
      .take(limit)
      .getMany();
    for (const invoice of pending) await this.startLifecycle(invoice);
    return pending.length;
  }

  list(query: ListInvoicesQuery): Promise<Invoice[]> {
    return this.dataSource.getRepository(Invoice).find({
      where: { organisationId: query.organisationId, ...(query.state ? { state: query.state } : {}) },
      relations: { rows: true, events: true },
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit,
    });
  }

  async get(id: string): Promise<Invoice> {
    const invoice = await this.dataSource.getRepository(Invoice).findOne({ where: { id }, relations: { rows: true, events: true } });
    if (!invoice) throw new NotFoundException(`no invoice ${id}`);
    return invoice;
  }
}

/**
 * Takes the organisation's next invoice number. The row lock makes concurrent issuers queue,
 * and a rollback of the surrounding transaction returns the number, so the series has no gaps.
 */
export async function takeInvoiceNumber(db: EntityManager, organisationId: string): Promise<number> {
  return takeInvoiceNumbers(db, organisationId, 1);
}

/** Takes `count` consecutive numbers (a billing run's batch) and returns the first. */
export async function takeInvoiceNumbers(db: EntityManager, organisationId: string, count: number): Promise<number> {
  await db.query('INSERT INTO invoice_number_series (organisation_id) VALUES ($1) ON CONFLICT DO NOTHING', [organisationId]);
  const [rows] = (await db.query(
    'UPDATE invoice_number_series SET next_number = next_number + $2 WHERE organisation_id = $1 RETURNING next_number - $2 AS number',
    [organisationId, count],
  )) as [Array<{ number: number }>, number];
  return Number(rows[0].number);
}
