import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Logger } from 'pino';
import { SERVICE_LOGGER } from '@clientfees/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { addBankingDays, Country, localDateInZone, periodOf, previousPeriod, startOfDayInZone } from '@clientfees/domain';
import type { BillingRunCounts, BillingRunInput, BillingRunKind, BillingRunState } from '@clientfees/contracts';

/** Banking days a run may wait for approval before the billing team is reminded. */
export const APPROVAL_REMINDER_BANKING_DAYS = 3;
/** Reminders arrive at the start of the working day, in the organisation's time zone. */
const REMINDER_HOUR = 8;

/** Households (a client, or a couple) per batch: one batch is one calculation activity. */
export const HOUSEHOLDS_PER_BATCH = 500;

export interface BillingRunRow {
  id: string;
  organisation_id: string;
  period: string;
  selection_rule_id: string;
  kind: BillingRunKind;
  workflow_id: string;
  state: BillingRunState;
  invoice_date: string | null;
  started_by: string;
  approved_by: string | null;
  approved_at: Date | null;
  approval_reminded_at: Date | null;
  journal_checksum: string | null;
  created_at: Date;
  updated_at: Date;
}

/** The billing run's own tables: the run, its selected clients and their batches. */
@Injectable()
export class BillingRunStore {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async get(runId: string, db: EntityManager | DataSource = this.dataSource): Promise<BillingRunRow> {
    const [run] = (await db.query('SELECT * FROM billing_run WHERE id = $1', [runId])) as BillingRunRow[];
    if (!run) throw new NotFoundException(`no billing run ${runId}`);
    return run;
  }

  /**
   * The run a Schedule started, created on its first attempt and found again on a retry. A
   * monthly run bills the month before the billing day (care is billed in arrears); a correction
   * run takes the latest period its selection has completed a monthly run for.
   */
  async openForSchedule(input: BillingRunInput, workflowId: string): Promise<{ run: BillingRunRow; empty: boolean }> {
    const [existing] = (await this.dataSource.query('SELECT id FROM billing_run WHERE workflow_id = $1', [workflowId])) as Array<{ id: string }>;
    if (existing) return { run: await this.get(existing.id), empty: false };
    const [organisation] = (await this.dataSource.query('SELECT time_zone FROM organisation WHERE id = $1', [input.organisationId])) as Array<{ time_zone: string }>;
    if (!organisation) throw new NotFoundException(`no organisation ${input.organisationId}`);
    let period: string;
    if (input.kind === 'monthly') {
      period = previousPeriod(periodOf(localDateInZone(Date.now(), organisation.time_zone)));
    } else {
      const [latest] = (await this.dataSource.query(
        `SELECT max(period) AS period FROM billing_run WHERE organisation_id = $1 AND selection_rule_id = $2 AND kind = 'monthly' AND state = 'completed'`,
        [input.organisationId, input.selectionRuleId],
      )) as Array<{ period: string | null }>;
      if (!latest?.period) return { run: await this.insert(input, workflowId, periodOf(localDateInZone(Date.now(), organisation.time_zone)), 'completed'), empty: true };
      period = latest.period;
    }
    return { run: await this.insert(input, workflowId, period, 'selecting'), empty: false };
  }

  async insert(
    input: { organisationId: string; selectionRuleId: string; kind: BillingRunKind; startedBy?: string },
    workflowId: string,
    period: string,
    state: BillingRunState = 'selecting',
    id: string = randomUUID(),
  ): Promise<BillingRunRow> {
    await this.dataSource.query(
      `INSERT INTO billing_run (id, organisation_id, period, selection_rule_id, kind, workflow_id, state, started_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (workflow_id) DO NOTHING`,
      [id, input.organisationId, period, input.selectionRuleId, input.kind, workflowId, state, input.startedBy ?? 'system:schedule'],
    );
    const [row] = (await this.dataSource.query('SELECT id FROM billing_run WHERE workflow_id = $1', [workflowId])) as Array<{ id: string }>;
    return this.get(row.id);
  }

  /**
   * Selects the clients of the selection's debiting areas who have something to bill in the
   * period and are not yet locked for it, and numbers their households into batches. Clients
   * already selected keep their batch; newcomers get new batches after the last one.
   */
  async select(runId: string): Promise<number> {
    return this.dataSource.transaction(async (db) => {
      const run = await this.get(runId, db);
      await db.query('SELECT id FROM billing_run WHERE id = $1 FOR UPDATE', [runId]);
      const [{ first_batch }] = (await db.query('SELECT coalesce(max(batch) + 1, 0) AS first_batch FROM billing_run_client WHERE run_id = $1', [runId])) as Array<{
        first_batch: number;
      }>;
      await db.query(
        `WITH bounds AS (
           SELECT to_date($2 || '-01', 'YYYY-MM-DD') AS first_day,
                  (to_date($2 || '-01', 'YYYY-MM-DD') + interval '1 month' - interval '1 day')::date AS last_day
         ),
         areas AS (SELECT debiting_areas FROM selection_rule WHERE id = $3),
         selected AS (
           SELECT DISTINCT c.id, c.client_number, c.spouse_client_id
             FROM client c
             JOIN billing_setting s ON s.client_id = c.id, bounds b, areas a
            WHERE c.organisation_id = $4
              AND s.debiting_area = ANY(a.debiting_areas)
              AND s.valid_from <= b.last_day AND (s.valid_to IS NULL OR s.valid_to >= b.first_day)
              AND NOT EXISTS (SELECT 1 FROM billing_period_lock l WHERE l.organisation_id = $4 AND l.period = $2 AND l.client_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM billing_run_client rc WHERE rc.run_id = $1 AND rc.client_id = c.id)
              AND (
                EXISTS (SELECT 1 FROM decided_service d WHERE d.client_id = c.id AND d.valid_from <= b.last_day AND (d.valid_to IS NULL OR d.valid_to >= b.first_day))
                OR EXISTS (SELECT 1 FROM registration r WHERE r.client_id = c.id AND r.period = $2)
                OR EXISTS (SELECT 1 FROM correction k WHERE k.client_id = c.id AND k.period <= $2 AND k.billed_invoice_id IS NULL)
                OR EXISTS (SELECT 1 FROM rent_contract h WHERE h.client_id = c.id AND h.contract_start <= b.last_day AND (h.contract_end IS NULL OR h.contract_end >= b.first_day))
              )
         ),
         households AS (
           SELECT id, client_number,
                  CASE WHEN spouse_client_id IS NOT NULL AND spouse_client_id < id THEN spouse_client_id ELSE id END AS household_id
             FROM selected
         )
         INSERT INTO billing_run_client (run_id, client_id, household_id, batch, client_number, status)
         SELECT $1, id, household_id, $5 + (dense_rank() OVER (ORDER BY household_id) - 1) / $6, client_number, 'not-calculated'
           FROM households`,
        [runId, run.period, run.selection_rule_id, run.organisation_id, first_batch, HOUSEHOLDS_PER_BATCH],
      );
      // The table has just grown by up to a city's clients: the batches' plans need fresh statistics.
      await db.query('ANALYZE billing_run_client');
      const [{ batches }] = (await db.query('SELECT coalesce(max(batch) + 1, 0) AS batches FROM billing_run_client WHERE run_id = $1', [runId])) as Array<{
        batches: number;
      }>;
      return batches;
    });
  }

  async counts(runId: string): Promise<BillingRunCounts> {
    const rows = (await this.dataSource.query('SELECT status, count(*)::int AS n FROM billing_run_client WHERE run_id = $1 GROUP BY status', [runId])) as Array<{
      status: 'not-calculated' | 'calculated' | 'error';
      n: number;
    }>;
    const of = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
    const counts = { notCalculated: of('not-calculated'), calculated: of('calculated'), error: of('error') };
    return { total: counts.notCalculated + counts.calculated + counts.error, ...counts };
  }

  async setState(runId: string, state: BillingRunState, actor?: string): Promise<void> {
    if (state === 'approved') {
      const [organisation] = (await this.dataSource.query('SELECT o.time_zone FROM organisation o JOIN billing_run r ON r.organisation_id = o.id WHERE r.id = $1', [
        runId,
      ])) as Array<{ time_zone: string }>;
      // The invoices carry the approval day as their date; a retried step keeps the first one.
      await this.dataSource.query(
        `UPDATE billing_run SET state = $2, approved_by = coalesce(approved_by, $3), approved_at = coalesce(approved_at, now()),
                invoice_date = coalesce(invoice_date, $4::date), updated_at = now() WHERE id = $1`,
        [runId, state, actor ?? null, localDateInZone(Date.now(), organisation.time_zone)],
      );
      return;
    }
    await this.dataSource.query('UPDATE billing_run SET state = $2, updated_at = now() WHERE id = $1', [runId, state]);
  }

  /** 08:00 on the third banking day from today, in the organisation's time zone. */
  async approvalReminderAt(runId: string): Promise<number> {
    const [organisation] = (await this.dataSource.query('SELECT o.country, o.time_zone FROM organisation o JOIN billing_run r ON r.organisation_id = o.id WHERE r.id = $1', [
      runId,
    ])) as Array<{ country: Country; time_zone: string }>;
    const day = addBankingDays(organisation.country, localDateInZone(Date.now(), organisation.time_zone), APPROVAL_REMINDER_BANKING_DAYS);
    return startOfDayInZone(day, organisation.time_zone) + REMINDER_HOUR * 3600_000;
  }

  async remindApprover(runId: string): Promise<void> {
    await this.dataSource.query('UPDATE billing_run SET approval_reminded_at = now() WHERE id = $1', [runId]);
    this.logger.warn({ runId }, 'billing run still awaiting approval: the billing team is reminded');
  }
}
