import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { DataSource } from 'typeorm';
import { addDays, dueDate, startOfDayInZone } from '@clientfees/domain';
import type { InvoiceDueDate, InvoiceStateChange, InvoicingActivities as Contract } from '@clientfees/contracts';
import { Organisation } from '../organisations/organisation.entity';
import { Invoice } from './invoice.entity';
import { InvoiceEvent } from './invoice-event.entity';

/** The invoicing service's Temporal activities: each is safe to retry. */
@Injectable()
export class InvoicingActivities implements Contract {
  constructor(private readonly dataSource: DataSource) {}

  async setInvoiceDueDate(invoiceId: string): Promise<InvoiceDueDate> {
    const invoice = await this.dataSource.getRepository(Invoice).findOneByOrFail({ id: invoiceId });
    const organisation = await this.dataSource.getRepository(Organisation).findOneByOrFail({ id: invoice.organisationId });
    const due =
      invoice.dueDate ??
      dueDate(organisation.country, invoice.invoiceDate, {
        paymentTermDays: organisation.paymentTermDays,
        bankingDays: organisation.dueDateBankingDays,
      });
    if (invoice.dueDate === null) {
      await this.dataSource
        .createQueryBuilder()
        .update(Invoice)
        .set({ dueDate: due })
        .where('id = :invoiceId AND due_date IS NULL', { invoiceId })
        .execute();
    }
    return { dueDate: due, dueDateEndsAtMs: startOfDayInZone(addDays(due, 1), organisation.timeZone) };
  }

  async recordInvoiceState(change: InvoiceStateChange): Promise<void> {
    const key = activityIdempotencyKey();
    await this.dataSource.transaction(async (db) => {
      const inserted = await db
        .createQueryBuilder()
        .insert()
        .into(InvoiceEvent)
        .values({ invoiceId: change.invoiceId, state: change.state, actor: change.actor, reason: change.reason, idempotencyKey: key })
        .orIgnore()
        .execute();
      if ((inserted.raw as unknown[]).length > 0 || key === null) {
        await db.getRepository(Invoice).update({ id: change.invoiceId }, { state: change.state });
      }
    });
  }
}

function activityIdempotencyKey(): string | null {
  try {
    const info = Context.current().info;
    const execution = info.workflowExecution;
    return execution ? `${execution.workflowId}/${execution.runId}/${info.activityId}` : null;
  } catch {
    return null;
  }
}
