import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { BillingRow, Country, Currency, Money, paymentReferencesFor } from '@clientfees/domain';
import { SERVICE_LOGGER } from '@clientfees/platform';
import { InvoicesService, takeInvoiceNumbers } from '../invoices/invoices.service';
import type { Invoice } from '../invoices/invoice.entity';
import { BillingRunStore } from './billing-run-store';

const BILLING_RUN_ACTOR = 'system:billing-run';
/** Lifecycle starts in flight at once per batch: Temporal answers each in a few milliseconds. */
const PARALLEL_STARTS = 16;

interface Calculated {
  client_id: string;
  client_number: string;
  total_cents: number;
  recipient: unknown;
  rows: BillingRow[];
  correction_ids: string[];
}

/** Turns an approved run's calculations into invoices, and starts their lifecycles. */
@Injectable()
export class BillingInvoices {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: BillingRunStore,
    private readonly invoices: InvoicesService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * One transaction per batch: lock the clients for the period (a client locked already is
   * skipped), number the invoices from the gapless series, store invoices, rows with their
   * explanations and the first event, and mark the included corrections billed. A crash
   * anywhere rolls all of it back, numbers included.
   */
  async createBatch(runId: string, batch: number): Promise<number> {
    const run = await this.runs.get(runId);
    if (run.state !== 'invoicing' || !run.invoice_date) throw new Error(`billing run ${runId} is ${run.state}, not invoicing`);
    const [organisation] = (await this.dataSource.query('SELECT country, currency FROM organisation WHERE id = $1', [run.organisation_id])) as Array<{
      country: Country;
      currency: Currency;
    }>;

    await this.dataSource.transaction(async (db) => {
      const locked = (await db.query(
        `INSERT INTO billing_period_lock (organisation_id, period, client_id, run_id)
         SELECT $3, $4, client_id, run_id FROM billing_run_client WHERE run_id = $1 AND batch = $2 AND status = 'calculated'
         ON CONFLICT DO NOTHING RETURNING client_id`,
        [runId, batch, run.organisation_id, run.period],
      )) as Array<{ client_id: string }>;
      if (locked.length === 0) return;
      const calculated = (await db.query(
        `SELECT client_id, client_number, total_cents::int8 AS total_cents, recipient, rows, correction_ids
           FROM billing_run_client WHERE run_id = $1 AND client_id = ANY($2) AND total_cents > 0 ORDER BY household_id, client_id`,
        [runId, locked.map((row) => row.client_id)],
      )) as Calculated[];
      if (calculated.length === 0) return;

      const invoices = calculated.map((client) => ({ id: randomUUID(), client }));
      const rows = invoices.flatMap(({ id, client }) => client.rows.map((row, i) => invoiceRow(id, i + 1, row, organisation.currency)));
      // The series is locked from here to the commit: everything slow is done before.
      const first = await takeInvoiceNumbers(db, run.organisation_id, invoices.length);
      const records = invoices.map(({ id, client }, i) => {
        const references = paymentReferencesFor(organisation.country, first + i);
        return {
          id,
          invoice_number: first + i,
          payment_reference: references.national,
          payment_reference_international: references.international ?? null,
          recipient: client.recipient,
          client_number: client.client_number,
          client_id: client.client_id,
          total_cents: Number(client.total_cents),
          correction_ids: client.correction_ids,
        };
      });
      await db.query(
        `INSERT INTO invoice (id, organisation_id, invoice_number, payment_reference, payment_reference_international, recipient, client_number,
                              currency, total_cents, invoice_date, state, created_by, billing_period, billing_run_id)
         SELECT v.id, $2, v.invoice_number, v.payment_reference, v.payment_reference_international, v.recipient, v.client_number,
                $3, v.total_cents, $4, 'issued', $5, $6, $1
           FROM jsonb_to_recordset($7::jsonb) AS v(id uuid, invoice_number bigint, payment_reference text, payment_reference_international text,
                                                   recipient jsonb, client_number text, total_cents bigint)`,
        [runId, run.organisation_id, organisation.currency, run.invoice_date, BILLING_RUN_ACTOR, run.period, JSON.stringify(records)],
      );
      await db.query(
        `INSERT INTO invoice_row (invoice_id, line_number, description, amount_cents, kind, code, quantity, unit_price_cents, account_string, explanation)
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS v(invoice_id uuid, line_number int, description text, amount_cents bigint, kind text, code text,
                                                          quantity numeric, unit_price_cents bigint, account_string text, explanation jsonb)`,
        [JSON.stringify(rows)],
      );
      await db.query(
        `INSERT INTO invoice_event (invoice_id, state, actor, reason)
         SELECT v.id, 'issued', $2, 'billing run ' || $1 || ' approved' FROM jsonb_to_recordset($3::jsonb) AS v(id uuid)`,
        [runId, BILLING_RUN_ACTOR, JSON.stringify(records.map((record) => ({ id: record.id })))],
      );
      const links = JSON.stringify(records.map((record) => ({ client_id: record.client_id, invoice_id: record.id, correction_ids: record.correction_ids })));
      await db.query(
        `UPDATE billing_period_lock l SET invoice_id = v.invoice_id
           FROM jsonb_to_recordset($3::jsonb) AS v(client_id uuid, invoice_id uuid)
          WHERE l.organisation_id = $1 AND l.period = $2 AND l.client_id = v.client_id`,
        [run.organisation_id, run.period, links],
      );
      await db.query(
        `UPDATE billing_run_client c SET invoice_id = v.invoice_id
           FROM jsonb_to_recordset($2::jsonb) AS v(client_id uuid, invoice_id uuid)
          WHERE c.run_id = $1 AND c.client_id = v.client_id`,
        [runId, links],
      );
      await db.query(
        `UPDATE correction k SET billed_invoice_id = v.invoice_id
           FROM jsonb_to_recordset($1::jsonb) AS v(invoice_id uuid, correction_ids jsonb)
          WHERE k.id IN (SELECT jsonb_array_elements_text(v.correction_ids)::uuid) AND k.billed_invoice_id IS NULL`,
        [links],
      );
    });
    const [{ n }] = (await this.dataSource.query('SELECT count(*)::int AS n FROM billing_run_client WHERE run_id = $1 AND batch = $2 AND invoice_id IS NOT NULL', [
      runId,
      batch,
    ])) as Array<{ n: number }>;
    return n;
  }

  /** Starts the lifecycle of each invoice the batch made that has none yet. */
  async startLifecycles(runId: string, batch: number): Promise<number> {
    const pending = (await this.dataSource.query(
      `SELECT i.id, i.organisation_id AS "organisationId", i.client_number AS "clientNumber", i.total_cents::int8 AS "totalCents",
              i.currency, i.state
         FROM billing_run_client c JOIN invoice i ON i.id = c.invoice_id
        WHERE c.run_id = $1 AND c.batch = $2 AND NOT i.lifecycle_started`,
      [runId, batch],
    )) as Array<Pick<Invoice, 'id' | 'organisationId' | 'clientNumber' | 'totalCents' | 'currency' | 'state'>>;
    let next = 0;
    const lane = async () => {
      while (next < pending.length) {
        const invoice = pending[next++];
        await this.invoices.startLifecycle({ ...invoice, totalCents: Number(invoice.totalCents) } as Invoice);
        heartbeat(next);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_STARTS, pending.length) }, lane));
    if (pending.length > 0) this.logger.info({ runId, batch, started: pending.length }, 'billing run lifecycles started');
    return pending.length;
  }
}

function invoiceRow(invoiceId: string, lineNumber: number, row: BillingRow, currency: Currency) {
  return {
    invoice_id: invoiceId,
    line_number: lineNumber,
    description: row.description.slice(0, 200),
    amount_cents: Money.parse(row.amount, currency, 'amount').minorUnits,
    kind: row.kind,
    code: row.code,
    quantity: row.quantity,
    unit_price_cents: row.unitPrice === null ? null : Money.parse(row.unitPrice, currency, 'unitPrice').minorUnits,
    account_string: row.accountString,
    explanation: row.explanation,
  };
}

function heartbeat(progress: number): void {
  try {
    Context.current().heartbeat(progress);
  } catch {
    // Called outside an activity (a test or a script): nothing to heartbeat to.
  }
}
