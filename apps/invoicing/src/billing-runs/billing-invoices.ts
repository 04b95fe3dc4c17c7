import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { Country, Currency, paymentReferencesFor } from '@clientfees/domain';
import { SERVICE_LOGGER } from '@clientfees/platform';
import { InvoicesService, takeInvoiceNumbers } from '../invoices/invoices.service';
import type { Invoice } from '../invoices/invoice.entity';
import { BillingRunStore } from './billing-run-store';

const BILLING_RUN_ACTOR = 'system:billing-run';
/** Lifecycle starts in flight at once per batch: Temporal answers each in a few milliseconds. */
const PARALLEL_STARTS = 16;

interface Billable {
  client_id: string;
  client_number: string;
  total_cents: number;
  recipient: unknown;
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
   * skipped), number the invoices from the gapless series, store invoices, their rows and first
   * event, and mark the included corrections billed. A crash anywhere rolls all of it back,
   * numbers included.
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
      const billable = (await db.query(
        `SELECT client_id, client_number, total_cents::int8 AS total_cents, recipient
           FROM billing_run_client WHERE run_id = $1 AND client_id = ANY($2) AND total_cents > 0 ORDER BY household_id, client_id`,
        [runId, locked.map((row) => row.client_id)],
      )) as Billable[];
      if (billable.length === 0) return;

      // What points at the invoices is written first; the references are checked at commit.
      await db.query('SET CONSTRAINTS ALL DEFERRED');
      const ids = billable.map(() => randomUUID());
      await db.query(
        `UPDATE billing_run_client c SET invoice_id = v.invoice_id
           FROM jsonb_to_recordset($2::jsonb) AS v(client_id uuid, invoice_id uuid)
          WHERE c.run_id = $1 AND c.client_id = v.client_id`,
        [runId, JSON.stringify(billable.map((client, i) => ({ client_id: client.client_id, invoice_id: ids[i] })))],
      );
      // Every statement below narrows to the batch first (run_id, batch index): a plan made on
      // stale statistics of a freshly filled table then still touches one batch, not the run.
      // Rows straight from the calculation; amounts are exact cents in their decimal strings. The
      // explanation stays with the calculation (GET /invoices/{id}/explanation joins it).
      await db.query(
        `INSERT INTO invoice_row (invoice_id, line_number, description, amount_cents, kind, code, quantity, unit_price_cents, account_string)
         SELECT c.invoice_id, r.line, left(r.row->>'description', 200), ((r.row->>'amount')::numeric * 100)::bigint, r.row->>'kind', r.row->>'code',
                (r.row->>'quantity')::numeric, ((r.row->>'unitPrice')::numeric * 100)::bigint, r.row->>'accountString'
           FROM billing_run_client c, jsonb_array_elements(c.rows) WITH ORDINALITY AS r(row, line)
          WHERE c.run_id = $1 AND c.batch = $3 AND c.invoice_id = ANY($2::uuid[])`,
        [runId, ids, batch],
      );
      await db.query(
        `INSERT INTO invoice_event (invoice_id, state, actor, reason)
         SELECT id, 'issued', $2, 'billing run ' || $1 || ' approved' FROM unnest($3::uuid[]) AS id`,
        [runId, BILLING_RUN_ACTOR, ids],
      );
      await db.query(
        `UPDATE billing_period_lock l SET invoice_id = c.invoice_id FROM billing_run_client c
          WHERE c.run_id = $1 AND c.batch = $5 AND c.invoice_id = ANY($2::uuid[]) AND l.organisation_id = $3 AND l.period = $4 AND l.client_id = c.client_id`,
        [runId, ids, run.organisation_id, run.period, batch],
      );
      await db.query(
        `UPDATE correction k SET billed_invoice_id = x.invoice_id
           FROM (SELECT c.invoice_id, unnest(c.correction_ids) AS correction_id FROM billing_run_client c
                  WHERE c.run_id = $1 AND c.batch = $3 AND c.invoice_id = ANY($2::uuid[])) AS x
          WHERE k.id = x.correction_id AND k.billed_invoice_id IS NULL`,
        [runId, ids, batch],
      );
      // Last: the gapless numbers. The series stays locked from here to the commit.
      const first = await takeInvoiceNumbers(db, run.organisation_id, billable.length);
      const records = billable.map((client, i) => {
        const references = paymentReferencesFor(organisation.country, first + i);
        return {
          id: ids[i],
          invoice_number: first + i,
          payment_reference: references.national,
          payment_reference_international: references.international,
          recipient: client.recipient,
          client_number: client.client_number,
          total_cents: Number(client.total_cents),
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

function heartbeat(progress: number): void {
  try {
    Context.current().heartbeat(progress);
  } catch {
    // Called outside an activity (a test or a script): nothing to heartbeat to.
  }
}
