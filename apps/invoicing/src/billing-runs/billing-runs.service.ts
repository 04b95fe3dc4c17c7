import { Injectable, NotFoundException } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { createHash, randomUUID } from 'node:crypto';
import { DomainValidationError, Money, RuleRefusal, secondPersonRefusal } from '@clientfees/domain';
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
import { conflict, Database, isUniqueViolation, RefusalField, Tx, WorkflowMessages } from '@clientfees/platform';
import { PERIOD_PATTERN } from '../billing-data/billing-period';
import { unbillCorrections } from '../billing-data/corrections/correction.queries';
import { findSelectionRule, setSelectionSchedule } from '../billing-data/selection-rules/selection-rule.queries';
import { billingRunInvoiceTotals, findInvoice, InvoiceExplanation, invoiceExplanation, recordInvoiceEvent } from '../invoices/invoice.queries';
import {
  BillingRun,
  calculationFingerprint,
  journalClients,
  journalServices,
  latestRunIds,
  openAbsencesOfRun,
  releasePeriodLock,
  runClientCounts,
  runClients,
  markJournalReviewed,
  markRecalculatedBy,
} from './billing-run.queries';
import { runAndOrganisation, BillingRunSteps } from './billing-run-steps';
import { BillingRunView, billingRunView, RunClientView, runClientView } from './billing-run.view';
import { BillingSchedules } from './billing-schedules';
import type { Journal } from './journal/journal';

/** Changes whenever any client of the run is calculated again. */
async function calculationChecksum(tx: Tx, runId: string): Promise<string> {
  return createHash('sha256').update(await calculationFingerprint(tx, runId)).digest('hex');
}

/** Starts billing runs and carries the billing team's decisions to them. */
@Injectable()
export class BillingRunsService {
  constructor(
    private readonly db: Database,
    private readonly runs: BillingRunSteps,
    private readonly schedules: BillingSchedules,
    private readonly workflows: WorkflowMessages,
  ) {}

  async start(input: { organisationId: string; period: string; selectionRuleId: string; kind?: BillingRunKind }, user: AccessClaims): Promise<BillingRun> {
    const kind = input.kind ?? 'monthly';
    if (!PERIOD_PATTERN.test(input.period)) throw new DomainValidationError('must be a billing period YYYY-MM', 'period');
    const rule = await this.db.read((tx) => findSelectionRule(tx, input.selectionRuleId));
    // Another organisation's selection reads as no selection at all: its owner is not told (ADR 0004).
    if (!rule || rule.organisationId !== input.organisationId) throw new DomainValidationError(`no selection rule ${input.selectionRuleId} in ${input.organisationId}`, 'selectionRuleId');
    const id = randomUUID();
    try {
      await this.runs.create({ ...input, kind, startedBy: user.sub }, billingRunWorkflowId(id), input.period, 'selecting', id);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`${input.period} already has a monthly run for this selection; use its correction runs`, 'period', 'already has a monthly run for this selection');
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

  view(runId: string): Promise<BillingRunView> {
    return this.db.read(async (tx) => {
      const { run } = await runAndOrganisation(tx, runId);
      const selection = await findSelectionRule(tx, run.selectionRuleId);
      return billingRunView(run, {
        selectionName: selection?.name ?? null,
        counts: await runClientCounts(tx, runId),
        invoices: await billingRunInvoiceTotals(tx, runId),
        // The control list before approval: clients still away with no end date (seed 002, p.24).
        openAbsences: await openAbsencesOfRun(tx, runId),
        journalReviewed: run.journalChecksum !== null && run.journalChecksum === (await calculationChecksum(tx, runId)),
      });
    });
  }

  async list(organisationId: string): Promise<BillingRunView[]> {
    const ids = await this.db.read((tx) => latestRunIds(tx, organisationId));
    return Promise.all(ids.map((id) => this.view(id)));
  }

  /** The run's clients; with `status: 'error'` the error list the billing team works through. */
  clients(runId: string, status: string | undefined, limit: number, after: string | undefined): Promise<RunClientView[]> {
    return this.db.read(async (tx) => {
      await runAndOrganisation(tx, runId);
      return (await runClients(tx, runId, { status, after, limit })).map(runClientView);
    });
  }

  async recalculate(runId: string, clientId: string | undefined, user: AccessClaims): Promise<BillingRunStatus> {
    // Whoever changes what the run bills is, like its starter, not the one who approves it.
    await this.db.transaction((tx) => markRecalculatedBy(tx, runId, user.sub));
    return this.update(runId, recalculateUpdate, { clientId, actor: user.sub }, 'clientId');
  }

  /**
   * The journal review (seed 002: the journal is always reviewed before approval) is an explicit
   * act recorded with its reviewer, for the calculation as it stands; reading the journal is not.
   */
  reviewJournal(runId: string, user: AccessClaims): Promise<BillingRunView> {
    return this.db
      .transaction(async (tx) => {
        const { run } = await runAndOrganisation(tx, runId);
        if (run.state !== 'awaiting-approval') throw conflict(`the run is ${run.state}: only a run awaiting approval has a journal to review`, 'state', run.state);
        await markJournalReviewed(tx, runId, await calculationChecksum(tx, runId), user.sub);
      })
      .then(() => this.view(runId));
  }

  async approve(runId: string, role: string, user: AccessClaims): Promise<BillingRunStatus> {
    const { reviewed, run } = await this.db.read(async (tx) => {
      const { run } = await runAndOrganisation(tx, runId);
      return { run, reviewed: run.state !== 'awaiting-approval' || run.journalChecksum === (await calculationChecksum(tx, runId)) };
    });
    // Four eyes: not the person who started the run or last recalculated it (a scheduled run's starter is the system).
    const own = secondPersonRefusal(user.sub, 'approve it', [
      { actor: run.startedBy, act: 'started the billing run' },
      { actor: run.lastRecalculatedBy, act: 'last recalculated it' },
    ]);
    if (own) throw new RuleRefusal('four-eyes', own, 'approver');
    // Seed 002: the journal is always reviewed before approval — the one of this calculation.
    if (!reviewed) throw conflict('review the journal of the current calculation (POST /billing-runs/{id}/journal-review) before approving', 'journal', 'not reviewed since the last calculation');
    // The lifecycle refuses the role (403, `role`) or the run's state (409, `state`).
    return this.update(runId, approveUpdate, { actor: user.sub, role }, { rule: 'state', role: 'role', state: 'state' });
  }

  cancel(runId: string, reason: string, user: AccessClaims): Promise<BillingRunStatus> {
    return this.update(runId, cancelUpdate, { actor: user.sub, reason }, 'state');
  }

  /** What to render of the journal of the current calculation; reading it does not review it. */
  journal(runId: string, generatedAt: string): Promise<Journal> {
    return this.db.read(async (tx) => {
      const { run, organisation } = await runAndOrganisation(tx, runId);
      const selection = await findSelectionRule(tx, run.selectionRuleId);
      const clients = await journalClients(tx, runId);
      const services = await journalServices(tx, run);
      const cents = (value: number | null) => Money.ofMinor(value ?? 0, organisation.currency).toDecimalString();
      return {
        organisation: { id: organisation.id, name: organisation.name, currency: organisation.currency },
        run: { id: run.id, period: run.period, kind: run.kind, selectionName: selection?.name ?? '', invoiceDate: run.invoiceDate ?? '', state: run.state },
        generatedAt,
        invoices: clients
          .filter((client) => client.status === 'calculated' && (client.totalCents ?? 0) > 0)
          .map((client) => ({
            clientNumber: client.clientNumber,
            clientName: client.name,
            recipientName: client.recipient?.name ?? client.name,
            total: cents(client.totalCents),
            rows: (client.rows ?? []).map((row) => ({
              description: row.description,
              code: row.code,
              quantity: row.quantity,
              unitPrice: row.unitPrice,
              amount: row.amount,
              accountString: row.accountString,
            })),
          })),
        reportedServices: services,
        problems: clients
          .filter((client) => client.status !== 'calculated')
          .map((client) => ({
            clientNumber: client.clientNumber,
            clientName: client.name,
            errors: client.status === 'error' ? (client.errors ?? []).map((error) => error.message) : ['not calculated'],
          })),
      };
    });
  }

  /**
   * Releases a fully credited run invoice for remaking (seed 002: invoices remade because of
   * errors): the client's period lock goes, the corrections it billed are unbilled again, and the
   * next correction run of the selection calculates and invoices the client anew.
   */
  releaseForRemaking(invoiceId: string, reason: string, user: AccessClaims): Promise<{ clientId: string; period: string }> {
    return this.db.transaction(async (tx) => {
      const invoice = await findInvoice(tx, invoiceId, { lock: true });
      // The body names the invoice: one of an organisation the caller does not act for is not found (ADR 0004).
      if (!invoice || !user.organisations.includes(invoice.organisationId)) throw new NotFoundException(`no invoice ${invoiceId}`);
      if (invoice.billingPeriod === null) throw new DomainValidationError('was not made by a billing run; make a new invoice by hand', 'invoiceId');
      if (invoice.state !== 'credited') throw conflict(`the invoice is ${invoice.state}: credit it in full before it is remade`, 'invoiceId', 'not credited in full');
      const clientId = await releasePeriodLock(tx, { organisationId: invoice.organisationId, period: invoice.billingPeriod, invoiceId });
      if (!clientId) throw conflict('already released for remaking', 'invoiceId', 'already released');
      await unbillCorrections(tx, invoiceId);
      const event = { invoiceId, state: 'credited' as const, actor: user.sub, reason: `released for remaking by the next correction run: ${reason}` };
      await recordInvoiceEvent(tx, event, null);
      return { clientId, period: invoice.billingPeriod };
    });
  }

  /** The selection's billing day (monthly Schedule) and correction-run weekday (weekly Schedule). */
  async schedule(selectionRuleId: string, schedule: { billingDay: number | null; correctionWeekday: number | null }) {
    const selection = await this.db.transaction((tx) => setSelectionSchedule(tx, selectionRuleId, schedule));
    if (!selection) throw new NotFoundException(`no selection rule ${selectionRuleId}`);
    await this.schedules.upsert({ selectionRuleId, ...selection, ...schedule });
    return { selectionRuleId, ...schedule };
  }

  /** Each row of a billed invoice with the rule versions, inputs and arithmetic that produced it. */
  async explanation(invoiceId: string): Promise<InvoiceExplanation> {
    const explained = await this.db.read((tx) => invoiceExplanation(tx, invoiceId));
    if (!explained) throw new NotFoundException(`no invoice ${invoiceId}`);
    return explained;
  }

  /** A decision on a run whose workflow has ended (completed, cancelled) is a 409 with the run's state. */
  private async update<Command>(runId: string, update: UpdateDefinition<BillingRunStatus, [Command]>, command: Command, field: RefusalField): Promise<BillingRunStatus> {
    const run = await this.runs.get(runId);
    return this.workflows.update(run.workflowId, update, [command], {
      field,
      subject: `billing run ${runId}`,
      currentState: async () => (await this.runs.get(runId)).state,
    });
  }
}
