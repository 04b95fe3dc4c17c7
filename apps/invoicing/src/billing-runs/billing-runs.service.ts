import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { DomainValidationError, Money } from '@clientfees/domain';
import {
  AccessClaims,
  approveUpdate,
  BillingRunInput,
  BillingRunKind,
  BillingRunStatus,
  BillingRunWorkflow,
  billingRunWorkflowId,
  cancelUpdate,
  recalculateUpdate,
} from '@clientfees/contracts';
import { WorkflowMessages } from '@clientfees/platform';
import { BillingRunRow, BillingRunStore } from './billing-run-store';
import type { Journal } from './journal/journal';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface RunClientView {
  clientId: string;
  clientNumber: string;
  name: string;
  status: 'not-calculated' | 'calculated' | 'error';
  errors: Array<{ code: string; message: string; field: string }>;
  total: number | null;
  invoiceId: string | null;
}

/** Starts billing runs and carries the billing team's decisions to them. */
@Injectable()
export class BillingRunsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: BillingRunStore,
    private readonly workflows: WorkflowMessages,
  ) {}

  async start(input: { organisationId: string; period: string; selectionRuleId: string; kind?: BillingRunKind }, user: AccessClaims): Promise<BillingRunRow> {
    const kind = input.kind ?? 'monthly';
    if (!PERIOD.test(input.period)) throw new DomainValidationError('must be a billing period YYYY-MM', 'period');
    const [rule] = (await this.dataSource.query('SELECT organisation_id FROM selection_rule WHERE id = $1', [input.selectionRuleId])) as Array<{
      organisation_id: string;
    }>;
    if (!rule) throw new DomainValidationError(`no selection rule ${input.selectionRuleId}`, 'selectionRuleId');
    if (rule.organisation_id !== input.organisationId) throw new DomainValidationError(`belongs to ${rule.organisation_id}, not ${input.organisationId}`, 'selectionRuleId');
    const id = randomUUID();
    try {
      await this.runs.insert({ ...input, kind, startedBy: user.sub }, billingRunWorkflowId(id), input.period, 'selecting', id);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        throw new ConflictException({
          statusCode: 409,
          message: `${input.period} already has a monthly run for this selection; use its correction runs`,
          problems: [{ field: 'period', reason: 'already has a monthly run for this selection' }],
        });
      }
      throw error;
    }
    const workflowInput: BillingRunInput = { runId: id, organisationId: input.organisationId, selectionRuleId: input.selectionRuleId, kind };
    try {
      await this.workflows.start(BillingRunWorkflow, billingRunWorkflowId(id), [workflowInput]);
    } catch (error) {
      // Without its workflow the run would block the period forever: give the period back.
      await this.runs.setState(id, 'cancelled');
      throw error;
    }
    return this.runs.get(id);
  }

  async view(runId: string) {
    const run = await this.runs.get(runId);
    const [selection] = (await this.dataSource.query('SELECT name FROM selection_rule WHERE id = $1', [run.selection_rule_id])) as Array<{ name: string }>;
    const [invoices] = (await this.dataSource.query(
      'SELECT count(*)::int AS n, coalesce(sum(total_cents), 0)::int8 AS cents FROM invoice WHERE billing_run_id = $1',
      [runId],
    )) as Array<{ n: number; cents: string }>;
    return {
      id: run.id,
      organisationId: run.organisation_id,
      period: run.period,
      kind: run.kind,
      selectionRuleId: run.selection_rule_id,
      selectionName: selection?.name ?? null,
      state: run.state,
      counts: await this.runs.counts(runId),
      invoiceDate: run.invoice_date,
      invoices: { count: invoices.n, totalCents: Number(invoices.cents) },
      // The control list before approval: clients still away with no end date (docs/domain.md §3).
      openAbsences: await this.openAbsences(runId),
      journalReviewed: run.journal_checksum !== null && run.journal_checksum === (await this.calculationChecksum(runId)),
      startedBy: run.started_by,
      approvedBy: run.approved_by,
      approvedAt: run.approved_at?.toISOString() ?? null,
      createdAt: run.created_at.toISOString(),
    };
  }

  async list(organisationId: string) {
    const rows = (await this.dataSource.query('SELECT id FROM billing_run WHERE organisation_id = $1 ORDER BY created_at DESC LIMIT 100', [organisationId])) as Array<{
      id: string;
    }>;
    return Promise.all(rows.map((row) => this.view(row.id)));
  }

  /** The run's clients; with `status: 'error'` the error list the billing team works through. */
  async clients(runId: string, status: string | undefined, limit: number, after: string | undefined): Promise<RunClientView[]> {
    await this.runs.get(runId);
    const rows = (await this.dataSource.query(
      `SELECT rc.client_id, rc.client_number, c.name, rc.status, rc.errors, rc.total_cents::int8 AS total_cents, rc.invoice_id
         FROM billing_run_client rc JOIN client c ON c.id = rc.client_id
        WHERE rc.run_id = $1 AND ($2::text IS NULL OR rc.status = $2) AND ($3::text IS NULL OR rc.client_number > $3)
        ORDER BY rc.client_number LIMIT $4`,
      [runId, status ?? null, after ?? null, limit],
    )) as Array<{ client_id: string; client_number: string; name: string; status: RunClientView['status']; errors: RunClientView['errors'] | null; total_cents: string | null; invoice_id: string | null }>;
    return rows.map((row) => ({
      clientId: row.client_id,
      clientNumber: row.client_number,
      name: row.name,
      status: row.status,
      errors: row.errors ?? [],
      total: row.total_cents === null ? null : Number(row.total_cents),
      invoiceId: row.invoice_id,
    }));
  }

  recalculate(runId: string, clientId: string | undefined, user: AccessClaims): Promise<BillingRunStatus> {
    return this.update(runId, recalculateUpdate, { clientId, actor: user.sub }, 'clientId');
  }

  async approve(runId: string, role: string, user: AccessClaims): Promise<BillingRunStatus> {
    const run = await this.runs.get(runId);
    // Seed 002: the journal is always reviewed before approval — the one of this calculation.
    if (run.state === 'awaiting-approval' && run.journal_checksum !== (await this.calculationChecksum(runId))) {
      throw new ConflictException({
        statusCode: 409,
        message: 'review the journal of the current calculation (journal.csv or journal.pdf) before approving',
        problems: [{ field: 'journal', reason: 'not reviewed since the last calculation' }],
      });
    }
    return this.update(runId, approveUpdate, { actor: user.sub, role }, 'role');
  }

  cancel(runId: string, reason: string, user: AccessClaims): Promise<BillingRunStatus> {
    return this.update(runId, cancelUpdate, { actor: user.sub, reason }, 'state');
  }

  /** Marks the journal of the current calculation as reviewed; returns what to render. */
  async journal(runId: string, generatedAt: string): Promise<Journal> {
    const run = await this.runs.get(runId);
    await this.dataSource.query('UPDATE billing_run SET journal_checksum = $2 WHERE id = $1', [runId, await this.calculationChecksum(runId)]);
    const [organisation] = (await this.dataSource.query('SELECT id, name, currency FROM organisation WHERE id = $1', [run.organisation_id])) as Array<Journal['organisation']>;
    const [selection] = (await this.dataSource.query('SELECT name FROM selection_rule WHERE id = $1', [run.selection_rule_id])) as Array<{ name: string }>;
    const clients = (await this.dataSource.query(
      `SELECT rc.client_number, c.name, rc.status, rc.errors, rc.rows, rc.total_cents::int8 AS total_cents, rc.recipient
         FROM billing_run_client rc JOIN client c ON c.id = rc.client_id WHERE rc.run_id = $1 ORDER BY rc.client_number`,
      [runId],
    )) as Array<{
      client_number: string;
      name: string;
      status: string;
      errors: Array<{ message: string }> | null;
      rows: Array<{ description: string; code: string | null; quantity: string | null; unitPrice: string | null; amount: string; accountString: string | null }> | null;
      total_cents: string | null;
      recipient: { name: string } | null;
    }>;
    const services = (await this.dataSource.query(
      `SELECT rc.client_number, r.item_code, coalesce(p.name, r.item_code) AS item_name, r.performed_on, r.quantity::text AS quantity
         FROM billing_run_client rc
         JOIN registration r ON r.client_id = rc.client_id AND r.period = $2
         LEFT JOIN price_list_item p ON p.organisation_id = $3 AND p.code = r.item_code AND p.valid_from <= r.performed_on AND (p.valid_to IS NULL OR p.valid_to >= r.performed_on)
        WHERE rc.run_id = $1 ORDER BY rc.client_number, r.performed_on, r.item_code`,
      [runId, run.period, run.organisation_id],
    )) as Array<{ client_number: string; item_code: string; item_name: string; performed_on: string; quantity: string }>;
    const cents = (value: string | null) => Money.ofMinor(Number(value ?? 0), organisation.currency).toDecimalString();
    return {
      organisation,
      run: { id: run.id, period: run.period, kind: run.kind, selectionName: selection?.name ?? '', invoiceDate: run.invoice_date ?? '', state: run.state },
      generatedAt,
      invoices: clients
        .filter((client) => client.status === 'calculated' && Number(client.total_cents) > 0)
        .map((client) => ({
          clientNumber: client.client_number,
          clientName: client.name,
          recipientName: client.recipient?.name ?? client.name,
          total: cents(client.total_cents),
          rows: (client.rows ?? []).map((row) => ({
            description: row.description,
            code: row.code,
            quantity: row.quantity,
            unitPrice: row.unitPrice,
            amount: row.amount,
            accountString: row.accountString,
          })),
        })),
      reportedServices: services.map((row) => ({
        clientNumber: row.client_number,
        itemCode: row.item_code,
        itemName: row.item_name,
        performedOn: row.performed_on,
        quantity: row.quantity,
      })),
      problems: clients
        .filter((client) => client.status !== 'calculated')
        .map((client) => ({
          clientNumber: client.client_number,
          clientName: client.name,
          errors: client.status === 'error' ? (client.errors ?? []).map((error) => error.message) : ['not calculated'],
        })),
    };
  }

  private async openAbsences(runId: string) {
    const rows = (await this.dataSource.query(
      `SELECT rc.client_id, rc.client_number, a.kind, a.first_day FROM billing_run_client rc JOIN absence a ON a.client_id = rc.client_id
        WHERE rc.run_id = $1 AND a.last_day IS NULL ORDER BY rc.client_number`,
      [runId],
    )) as Array<{ client_id: string; client_number: string; kind: string; first_day: string }>;
    return rows.map((row) => ({ clientId: row.client_id, clientNumber: row.client_number, kind: row.kind, firstDay: row.first_day }));
  }

  /**
   * Releases a fully credited run invoice for remaking (seed 002: invoices remade because of
   * errors): the client's period lock goes, the corrections it billed are unbilled again, and the
   * next correction run of the selection calculates and invoices the client anew.
   */
  async releaseForRemaking(invoiceId: string, reason: string, user: AccessClaims): Promise<{ clientId: string; period: string }> {
    return this.dataSource.transaction(async (db) => {
      const [invoice] = (await db.query('SELECT id, organisation_id, billing_period, state FROM invoice WHERE id = $1 FOR UPDATE', [invoiceId])) as Array<{
        id: string;
        organisation_id: string;
        billing_period: string | null;
        state: string;
      }>;
      if (!invoice) throw new NotFoundException(`no invoice ${invoiceId}`);
      if (invoice.billing_period === null) throw new DomainValidationError('was not made by a billing run; make a new invoice by hand', 'invoiceId');
      if (invoice.state !== 'credited') {
        throw new ConflictException({ statusCode: 409, message: `the invoice is ${invoice.state}: credit it in full before it is remade`, problems: [{ field: 'invoiceId', reason: 'not credited in full' }] });
      }
      // A DELETE … RETURNING answers [rows, count].
      const [[lock]] = (await db.query('DELETE FROM billing_period_lock WHERE organisation_id = $1 AND period = $2 AND invoice_id = $3 RETURNING client_id', [
        invoice.organisation_id,
        invoice.billing_period,
        invoiceId,
      ])) as [Array<{ client_id: string }>, number];
      if (!lock) throw new ConflictException({ statusCode: 409, message: 'already released for remaking', problems: [{ field: 'invoiceId', reason: 'already released' }] });
      await db.query('UPDATE correction SET billed_invoice_id = NULL WHERE billed_invoice_id = $1', [invoiceId]);
      await db.query(`INSERT INTO invoice_event (invoice_id, state, actor, reason) VALUES ($1, 'credited', $2, $3)`, [
        invoiceId,
        user.sub,
        `released for remaking by the next correction run: ${reason}`,
      ]);
      return { clientId: lock.client_id, period: invoice.billing_period };
    });
  }

  /** Changes whenever any client of the run is calculated again. */
  private async calculationChecksum(runId: string): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::text AS n, coalesce(sum(total_cents), 0)::text AS cents, coalesce(max(calculated_at)::text, '') AS last,
              count(*) FILTER (WHERE status <> 'calculated')::text AS open
         FROM billing_run_client WHERE run_id = $1`,
      [runId],
    )) as Array<Record<string, string>>;
    return createHash('sha256').update(`${row.n}|${row.cents}|${row.last}|${row.open}`).digest('hex');
  }

  private async update<Command>(runId: string, update: UpdateDefinition<BillingRunStatus, [Command]>, command: Command, field: string): Promise<BillingRunStatus> {
    const run = await this.runs.get(runId);
    return this.workflows.update(run.workflow_id, update, [command], { field, notFound: `billing run ${runId} is no longer running (${run.state})` });
  }
}
