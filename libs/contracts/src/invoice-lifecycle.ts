import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { AgencyStatusSignal } from './collection';
import type {
  CreditCommand,
  DeferralApprovalDecision,
  DeferralCommand,
  DeferralResult,
  FeeReductionSignal,
  InvoiceLifecycleInput,
  InvoiceLifecycleStatus,
  PaymentPlanCommand,
  PaymentSignal,
  PendingDeferral,
  RecallCommand,
  TransferRunSignal,
  WaiverCommand,
  WriteOffCommand,
} from './invoicing';
import { defineWorkflow } from './workflow-definitions';

/**
 * The invoice lifecycle's messages (ADR 0006): the workflow registers its handlers with these
 * objects and every caller sends with them, so a name is spelled once, here, and an argument of
 * the wrong shape does not compile.
 */

/** One lifecycle per invoice (ADR 0005), started when the invoice is issued. */
export const InvoiceLifecycleWorkflow = defineWorkflow<[InvoiceLifecycleInput], InvoiceLifecycleStatus>('invoiceLifecycle');

const LIFECYCLE_PREFIX = 'invoice-';

export const invoiceLifecycleWorkflowId = (invoiceId: string): string => `${LIFECYCLE_PREFIX}${invoiceId}`;

/** The invoice whose lifecycle a workflow id names, or undefined for any other workflow. */
export const invoiceIdOfLifecycle = (workflowId: string): string | undefined =>
  workflowId.startsWith(LIFECYCLE_PREFIX) ? workflowId.slice(LIFECYCLE_PREFIX.length) : undefined;

// Signals: facts the lifecycle is told. Those that must arrive go through an outbox (ADR 0008).
/** Money allocated to the invoice; a repeated payment id counts once. */
export const paymentSignal = defineSignal<[PaymentSignal]>('payment');
/** A transfer run offers the invoice to the agency's reminder service; the lifecycle decides. */
export const transferRunSignal = defineSignal<[TransferRunSignal]>('transferRun');
/** A § 11 fee reduction or waiver decision: no reminder or collection until it ends. */
export const feeReductionSignal = defineSignal<[FeeReductionSignal]>('feeReductionDecision');
/** The collection agency's report on its case; a repeated report id counts once. */
export const agencyStatusSignal = defineSignal<[AgencyStatusSignal]>('agencyStatus');

// Updates: a person's decisions. The validator refuses with a kind (REFUSAL_FAILURE_TYPES).
export const recallUpdate = defineUpdate<InvoiceLifecycleStatus, [RecallCommand]>('recallFromAgency');
export const waiveCollectionUpdate = defineUpdate<InvoiceLifecycleStatus, [WaiverCommand]>('waiveCollection');
export const writeOffUpdate = defineUpdate<InvoiceLifecycleStatus, [WriteOffCommand]>('writeOff');
export const paymentPlanUpdate = defineUpdate<InvoiceLifecycleStatus, [PaymentPlanCommand]>('makePaymentPlan');
export const creditInvoiceUpdate = defineUpdate<InvoiceLifecycleStatus, [CreditCommand]>('creditInvoice');
export const deferDueDateUpdate = defineUpdate<DeferralResult, [DeferralCommand]>('deferDueDate');
export const requestDeferralApprovalUpdate = defineUpdate<PendingDeferral, [DeferralCommand]>('requestDeferralApproval');
export const decideDeferralApprovalUpdate = defineUpdate<DeferralResult, [DeferralApprovalDecision]>('decideDeferralApproval');

/** Where the invoice stands now. */
export const lifecycleStatusQuery = defineQuery<InvoiceLifecycleStatus>('status');
