import { defineQuery, defineUpdate } from '@temporalio/workflow';
import { defineWorkflow } from './workflow-definitions';

/**
 * The monthly billing run (laskutusajo / debiteringskörning, seed 002 p.26-38): the workflow, its
 * activities on the invoicing service's queue, and the human decisions it waits for.
 */

export type BillingRunKind = 'monthly' | 'correction';
export const BILLING_RUN_STATES = ['selecting', 'calculating', 'awaiting-approval', 'approved', 'invoicing', 'completed', 'cancelled'] as const;
export type BillingRunState = (typeof BILLING_RUN_STATES)[number];

/** Started by REST (the run row exists: `runId`) or by a Schedule (the first activity opens it). */
export interface BillingRunInput {
  runId?: string;
  organisationId: string;
  selectionRuleId: string;
  kind: BillingRunKind;
}

export interface BillingRunCounts {
  total: number;
  notCalculated: number;
  calculated: number;
  error: number;
}

export interface BillingRunOpened {
  runId: string;
  period: string;
  /** Selected clients are numbered into batches of whole households. */
  batches: number;
  /** A correction run with nothing to correct ends at once. */
  empty: boolean;
}

export interface BillingRunStatus {
  runId: string;
  state: BillingRunState;
  counts: BillingRunCounts;
  /** A recalculation is running: approval waits for it. */
  busy: boolean;
}

/** Recalculate one client (with their household) after a fix, or the whole selection. */
export interface RecalculateCommand {
  clientId?: string;
  actor: string;
}

export interface BillingApproval {
  actor: string;
  role: string;
}

export interface BillingCancellation {
  actor: string;
  reason: string;
}

export interface BillingRunResult {
  runId: string;
  state: 'completed' | 'cancelled';
  invoices: number;
}

/** Activities of the invoicing service that the billing run calls; each is safe to retry. */
export interface BillingActivities {
  /** Creates the run (a Schedule's) or loads it (REST's), selects its clients and numbers the batches. */
  openBillingRun(input: BillingRunInput): Promise<BillingRunOpened>;
  /** Selects the clients again (newcomers join with new batch numbers); returns the batch count. */
  reselectBillingClients(runId: string): Promise<number>;
  /** Calculates every client of one batch, a couple together, and stores rows or errors. */
  calculateBillingBatch(runId: string, batch: number): Promise<void>;
  /** Recalculates one client's household. */
  recalculateBillingClient(runId: string, clientId: string): Promise<void>;
  countBillingRun(runId: string): Promise<BillingRunCounts>;
  setBillingRunState(runId: string, state: BillingRunState, actor?: string): Promise<void>;
  /**
   * Locks the batch's clients for the period and creates their invoices in one transaction; a
   * client already locked gets nothing, so a retried or resumed batch never makes a duplicate.
   * Returns how many invoices the batch has, made now or by an earlier attempt.
   */
  createBillingInvoices(runId: string, batch: number): Promise<number>;
  /** When to remind the billing team of a run still awaiting approval (a few banking days on). */
  billingApprovalReminderAt(runId: string): Promise<number>;
  remindBillingApprover(runId: string): Promise<void>;
  /** Starts the invoiceLifecycle of every invoice the batch made (idempotent by workflow id). */
  startBillingLifecycles(runId: string, batch: number): Promise<number>;
}

/** Roles that approve a billing run (the billing team). */
export const BILLING_APPROVER_ROLES = ['client-fee-officer', 'billing-supervisor'] as const;

export const billingRunWorkflowId = (runId: string): string => `billing-run-${runId}`;
export const monthlyBillingScheduleId = (selectionRuleId: string): string => `billing-day-${selectionRuleId}`;
export const correctionRunScheduleId = (selectionRuleId: string): string => `correction-run-${selectionRuleId}`;

/** The billing run's messages: the workflow registers its handlers with these, the service sends with them. */
export const BillingRunWorkflow = defineWorkflow<[BillingRunInput], BillingRunResult>('billingRun');
export const recalculateUpdate = defineUpdate<BillingRunStatus, [RecalculateCommand]>('recalculate');
export const approveUpdate = defineUpdate<BillingRunStatus, [BillingApproval]>('approve');
export const cancelUpdate = defineUpdate<BillingRunStatus, [BillingCancellation]>('cancel');
export const billingRunStatusQuery = defineQuery<BillingRunStatus>('status');
