import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { addBankingDays, localDateInZone, periodOf, previousPeriod, startOfDayInZone } from '@clientfees/domain';
import type { BillingRunCounts, BillingRunInput, BillingRunKind, BillingRunState } from '@clientfees/contracts';
import { Database, SERVICE_LOGGER, Tx } from '@clientfees/platform';
import { findOrganisation, Organisation } from '../organisations/organisation.queries';
import {
  approveRun,
  BillingRun,
  findBillingRun,
  insertBillingRun,
  latestCompletedMonthlyPeriod,
  markApprovalReminded,
  nextBatch,
  runClientCounts,
  runIdOfWorkflow,
  selectRunClients,
  setRunState,
} from './billing-run.queries';

/** Banking days a run may wait for approval before the billing team is reminded. */
export const APPROVAL_REMINDER_BANKING_DAYS = 3;
/** Reminders arrive at the start of the working day, in the organisation's time zone. */
const REMINDER_HOUR = 8;

/** Households (a client, or a couple) per batch: one batch is one calculation activity. */
export const HOUSEHOLDS_PER_BATCH = 500;

/** The run and its organisation; an unknown run is a 404. */
export async function runAndOrganisation(tx: Tx, runId: string): Promise<{ run: BillingRun; organisation: Organisation }> {
  const run = await findBillingRun(tx, runId);
  if (!run) throw new NotFoundException(`no billing run ${runId}`);
  const organisation = await findOrganisation(tx, run.organisationId);
  if (!organisation) throw new Error(`billing run ${runId} has no organisation ${run.organisationId}`);
  return { run, organisation };
}

/** The steps of a billing run on its own tables: creating it, selecting its clients, its state. */
@Injectable()
export class BillingRunSteps {
  constructor(
    private readonly db: Database,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  async get(runId: string): Promise<BillingRun> {
    return (await this.db.read((tx) => runAndOrganisation(tx, runId))).run;
  }

  /**
   * The run a Schedule started, created on its first attempt and found again on a retry. A
   * monthly run bills the month before the billing day (care is billed in arrears); a correction
   * run takes the latest period its selection has completed a monthly run for.
   */
  async openForSchedule(input: BillingRunInput, workflowId: string): Promise<{ run: BillingRun; empty: boolean }> {
    const existing = await this.db.read((tx) => runIdOfWorkflow(tx, workflowId));
    if (existing) return { run: await this.get(existing), empty: false };
    const organisation = await this.db.read((tx) => findOrganisation(tx, input.organisationId));
    if (!organisation) throw new NotFoundException(`no organisation ${input.organisationId}`);
    const thisPeriod = periodOf(localDateInZone(Date.now(), organisation.timeZone));
    if (input.kind === 'monthly') return { run: await this.create(input, workflowId, previousPeriod(thisPeriod)), empty: false };
    const latest = await this.db.read((tx) => latestCompletedMonthlyPeriod(tx, input.organisationId, input.selectionRuleId));
    if (!latest) return { run: await this.create(input, workflowId, thisPeriod, 'completed'), empty: true };
    return { run: await this.create(input, workflowId, latest), empty: false };
  }

  /** Creates the run once per workflow id; a second monthly run of the period and selection is a unique violation. */
  async create(
    input: { organisationId: string; selectionRuleId: string; kind: BillingRunKind; startedBy?: string },
    workflowId: string,
    period: string,
    state: BillingRunState = 'selecting',
    id: string = randomUUID(),
  ): Promise<BillingRun> {
    const runId = await this.db.transaction(async (tx) => {
      await insertBillingRun(tx, { id, ...input, period, workflowId, state, startedBy: input.startedBy ?? 'system:schedule' });
      return runIdOfWorkflow(tx, workflowId);
    });
    return this.get(runId!);
  }

  /**
   * Selects the clients of the selection's debiting areas who have something to bill in the
   * period and are not yet locked for it, and numbers their households into batches. Clients
   * already selected keep their batch; newcomers get new batches after the last one.
   */
  select(runId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const run = await findBillingRun(tx, runId, { lock: true });
      if (!run) throw new NotFoundException(`no billing run ${runId}`);
      await selectRunClients(tx, run, await nextBatch(tx, runId), HOUSEHOLDS_PER_BATCH);
      return nextBatch(tx, runId);
    });
  }

  counts(runId: string): Promise<BillingRunCounts> {
    return this.db.read((tx) => runClientCounts(tx, runId));
  }

  /** Approval also dates the invoices: the approval day in the organisation's calendar. */
  setState(runId: string, state: BillingRunState, actor?: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      if (state !== 'approved') return setRunState(tx, runId, state);
      const { organisation } = await runAndOrganisation(tx, runId);
      await approveRun(tx, runId, actor ?? null, localDateInZone(Date.now(), organisation.timeZone));
    });
  }

  /** 08:00 on the third banking day from today, in the organisation's time zone. */
  async approvalReminderAt(runId: string): Promise<number> {
    const { organisation } = await this.db.read((tx) => runAndOrganisation(tx, runId));
    const day = addBankingDays(organisation.country, localDateInZone(Date.now(), organisation.timeZone), APPROVAL_REMINDER_BANKING_DAYS);
    return startOfDayInZone(day, organisation.timeZone) + REMINDER_HOUR * 3600_000;
  }

  async remindApprover(runId: string): Promise<void> {
    await this.db.transaction((tx) => markApprovalReminded(tx, runId));
    this.logger.warn({ runId }, 'billing run still awaiting approval: the billing team is reminded');
  }
}
