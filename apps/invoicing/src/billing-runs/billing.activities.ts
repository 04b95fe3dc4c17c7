import { Injectable } from '@nestjs/common';
import type { BillingActivities as Contract, BillingRunCounts, BillingRunInput, BillingRunOpened, BillingRunState } from '@clientfees/contracts';
import { callingWorkflowId } from '@clientfees/platform';
import { BillingCalculation } from './billing-calculation';
import { BillingInvoices } from './billing-invoices';
import { BillingRunSteps } from './billing-run-steps';

/** The billing run's activities on the invoicing queue; each is safe to retry. */
@Injectable()
export class BillingActivities implements Contract {
  constructor(
    private readonly runs: BillingRunSteps,
    private readonly calculation: BillingCalculation,
    private readonly invoices: BillingInvoices,
  ) {}

  async openBillingRun(input: BillingRunInput): Promise<BillingRunOpened> {
    const { run, empty } = input.runId ? { run: await this.runs.get(input.runId), empty: false } : await this.runs.openForSchedule(input, scheduleWorkflowId());
    if (empty) return { runId: run.id, period: run.period, batches: 0, empty };
    const batches = await this.runs.select(run.id);
    // A correction run that finds nobody to correct ends without waiting for anyone's approval.
    return { runId: run.id, period: run.period, batches, empty: run.kind === 'correction' && batches === 0 };
  }

  reselectBillingClients(runId: string): Promise<number> {
    return this.runs.select(runId);
  }

  calculateBillingBatch(runId: string, batch: number): Promise<void> {
    return this.calculation.calculateBatch(runId, batch);
  }

  recalculateBillingClient(runId: string, clientId: string): Promise<void> {
    return this.calculation.calculateClient(runId, clientId);
  }

  countBillingRun(runId: string): Promise<BillingRunCounts> {
    return this.runs.counts(runId);
  }

  setBillingRunState(runId: string, state: BillingRunState, actor?: string): Promise<void> {
    return this.runs.setState(runId, state, actor);
  }

  createBillingInvoices(runId: string, batch: number): Promise<number> {
    return this.invoices.createBatch(runId, batch);
  }

  billingApprovalReminderAt(runId: string): Promise<number> {
    return this.runs.approvalReminderAt(runId);
  }

  remindBillingApprover(runId: string): Promise<void> {
    return this.runs.remindApprover(runId);
  }

  startBillingLifecycles(runId: string, batch: number): Promise<number> {
    return this.invoices.startLifecycles(runId, batch);
  }
}

/** A Schedule's run is keyed by the workflow the Schedule started. */
function scheduleWorkflowId(): string {
  const workflowId = callingWorkflowId();
  if (!workflowId) throw new Error('openBillingRun runs only as an activity of a billing-run workflow');
  return workflowId;
}
