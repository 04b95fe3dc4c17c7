import { Inject, Injectable, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import { DomainValidationError, Money, parseLocalDate, paymentReferencesFor, validateFinnishPersonalIdentityCode, validateSwedishPersonalIdentityNumber } from '@clientfees/domain';
import { InvoiceLifecycleInput, invoiceLifecycleWorkflowId, SearchAttributes, TaskQueues } from '@clientfees/contracts';
import { SERVICE_LOGGER, TEMPORAL_CLIENT } from '@clientfees/platform';
import { Organisation } from '../organisations/organisation.entity';
import { Invoice } from './invoice.entity';
import { CreateInvoiceDto } from './create-invoice.dto';
import { ListInvoicesQuery } from './list-invoices.query';

@Injectable()
export class InvoicesService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
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

    const input: InvoiceLifecycleInput = {
      invoiceId: id,
      organisationId: organisation.id,
      clientNumber: dto.clientNumber,
      totalCents: total.minorUnits,
      currency: organisation.currency,
    };
    try {
      await this.temporal.workflow.start('invoiceLifecycle', {
        workflowId: invoiceLifecycleWorkflowId(id),
        taskQueue: TaskQueues.workflows,
        args: [input],
        typedSearchAttributes: [
          { key: SearchAttributes.invoiceState, value: 'issued' },
          { key: SearchAttributes.organisationId, value: organisation.id },
          { key: SearchAttributes.amountCents, value: total.minorUnits },
          { key: SearchAttributes.clientNumber, value: dto.clientNumber },
        ],
      });
    } catch (error) {
      this.logger.error({ err: error, invoiceId: id }, 'could not start the invoice lifecycle; invoice withdrawn');
      await this.dataSource.getRepository(Invoice).delete({ id });
      throw new ServiceUnavailableException('the workflow engine is unavailable; the invoice was not created');
    }
    this.logger.info({ invoiceId: id, organisationId: organisation.id }, 'invoice created');
    return this.get(id);
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
async function takeInvoiceNumber(db: EntityManager, organisationId: string): Promise<number> {
  await db.query('INSERT INTO invoice_number_series (organisation_id) VALUES ($1) ON CONFLICT DO NOTHING', [organisationId]);
  const [rows] = (await db.query(
    'UPDATE invoice_number_series SET next_number = next_number + 1 WHERE organisation_id = $1 RETURNING next_number - 1 AS number',
    [organisationId],
  )) as [Array<{ number: number }>, number];
  return rows[0].number;
}
