import { defineWorkflow } from './workflow-definitions';
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import { activityContract } from './activities';
import type { VoucherDeathActivities } from './deaths';

/**
 * Service vouchers and provider settlement (palveluseteli ja tilitys, seed 003): the workflows,
 * their inputs, the messages people send them and the provider-settlement service's activities.
 */

export const ProviderSettlementWorkflows = {
  providerApplication: 'providerApplication',
  voucherAutoRecording: 'voucherAutoRecording',
  voucherSettlement: 'voucherSettlement',
  reclamationFollowUp: 'reclamationFollowUp',
} as const;

// ---- a provider's application ------------------------------------------------------------------

export interface ProviderApplicationInput {
  applicationId: string;
  organisationId: string;
  providerId: string;
  serviceCode: string;
  /** The organisation's IANA time zone: reminders come at 08:00 there. */
  timeZone: string;
}

export interface ApplicationDecisionCommand {
  decision: 'approve' | 'request-changes' | 'reject';
  grounds: string;
  /** For an approval: the first day the provider provides the service. */
  approvedFrom?: string;
  actor: string;
}

export interface ApplicationResubmission {
  actor: string;
}

export interface ProviderApplicationStatus {
  applicationId: string;
  state: 'submitted' | 'changes-requested' | 'approved' | 'rejected';
  reminders: number;
}

export interface ProviderApplicationResult {
  applicationId: string;
  outcome: 'approved' | 'rejected';
  approvedFrom?: string;
}

export const providerApplicationWorkflowId = (applicationId: string): string => `provider-application-${applicationId}`;
export const decideApplicationUpdate = defineUpdate<ProviderApplicationStatus, [ApplicationDecisionCommand]>('decideApplication');
export const resubmitApplicationUpdate = defineUpdate<ProviderApplicationStatus, [ApplicationResubmission]>('resubmitApplication');
export const providerApplicationStatusQuery = defineQuery<ProviderApplicationStatus>('status');

/** Failure types with which the application workflow refuses a decision. */
export const ApplicationFailures = {
  rule: 'ApplicationDecisionRefused',
  state: 'ApplicationStateConflict',
} as const;

// ---- automatic recording and the monthly settlement --------------------------------------------

export interface VoucherMonthInput {
  organisationId: string;
  timeZone: string;
  /** 'YYYY-MM'. A Schedule leaves it out: the month is then derived from the day the run starts. */
  month?: string;
}

export interface AutoRecordingResult {
  month: string;
  recorded: number;
}

export type VoucherSettlementPhase = 'awaiting-confirmations' | 'awaiting-approvals' | 'settling' | 'invoicing-own-shares' | 'settled';

export interface VoucherSettlementStatus {
  settlementId: string;
  month: string;
  phase: VoucherSettlementPhase;
  approverReminders: number;
  providerReminders: number;
}

export interface VoucherSettlementResult {
  settlementId: string;
  month: string;
  providers: number;
  /** Cents in the payment file. */
  paidCents: number;
  /** Cents carried to the next settlement (no bank account, credits larger than the pay). */
  carriedCents: number;
  paymentFileId: string | null;
  /** The clients' own-share invoices the run sent to invoicing (absent in runs from before they were). */
  ownShareInvoices?: { invoiced: number; refused: number };
}

export interface OpenedVoucherSettlement {
  settlementId: string;
  month: string;
  alreadySettled: boolean;
}

export const voucherSettlementStatusQuery = defineQuery<VoucherSettlementStatus>('status');
/** A Schedule's run gets its id with a time stamp; a run started by hand uses this one. */
export const voucherSettlementWorkflowId = (organisationId: string, month: string): string => `voucher-settlement-${organisationId}-${month}`;
export const voucherSettlementScheduleId = (organisationId: string): string => `voucher-settlement-${organisationId}`;
export const voucherAutoRecordingScheduleId = (organisationId: string): string => `voucher-auto-recording-${organisationId}`;
export const voucherAutoRecordingWorkflowId = (organisationId: string, month: string): string => `voucher-auto-recording-${organisationId}-${month}`;

// ---- the client's own share becomes an invoice (issue 12 §8) ------------------------------------

/** One row of a client's own-share invoice: its explanation is the description. */
export interface OwnShareInvoiceRowRequest {
  kind: 'voucher-own-share' | 'voucher-own-share-credit' | 'voucher-own-share-carried';
  /** The service content's code. */
  code: string | null;
  /** Days, hours or visits, as a decimal string. */
  quantity: string | null;
  description: string;
  amountCents: number;
}

/**
 * A client's own share of one settlement, to be invoiced (one per client and settled month). The
 * own-share record's id is the invoice's natural key in invoicing: sent again, it finds the
 * invoice it made the first time.
 */
export interface OwnShareInvoiceRequest {
  ownShareId: string;
  organisationId: string;
  /** Invoicing's client id (never an identity code). */
  clientId: string;
  clientNumber: string;
  /** The settled month, YYYY-MM: the invoice's billing period. */
  month: string;
  rows: OwnShareInvoiceRowRequest[];
  /** The rows' sum; always above zero (a zero or negative own share makes no invoice). */
  totalCents: number;
}

export type OwnShareInvoiceOutcome =
  | { ownShareId: string; outcome: 'invoiced'; invoiceId: string; invoiceNumber: number }
  /** Invoicing could not invoice it (e.g. the client has no billing address); it is sent again with the next settlement. */
  | { ownShareId: string; outcome: 'refused'; reason: string };

/** Invoicing's side, on the invoicing task queue. */
export interface OwnShareInvoicingActivities {
  /**
   * Creates each own share's invoice with its rows, numbered in the organisation's series, and
   * starts its lifecycle. Idempotent per own share: a resent or retried request makes no second invoice.
   */
  createOwnShareInvoices(input: { organisationId: string; invoices: OwnShareInvoiceRequest[] }): Promise<OwnShareInvoiceOutcome[]>;
}

export const OWN_SHARE_INVOICING_ACTIVITY_CONTRACT = activityContract<OwnShareInvoicingActivities>()('OwnShareInvoicingActivities', ['createOwnShareInvoices']);

// ---- feedback ----------------------------------------------------------------------------------

export interface ReclamationFollowUpInput {
  feedbackId: string;
  organisationId: string;
  providerId: string;
  timeZone: string;
}

export const reclamationWorkflowId = (feedbackId: string): string => `reclamation-${feedbackId}`;
/** Sent when the provider answers; the answer itself is stored by the service (once only). */
export const reclamationAnsweredSignal = defineSignal<[]>('reclamationAnswered');

// ---- activities --------------------------------------------------------------------------------

/** On the provider-settlement task queue; each is safe to retry. */
export interface ProviderSettlementActivities {
  /** Stores the decision (approval from a date, changes requested, rejection) with its grounds; idempotent per decision id. */
  recordApplicationDecision(input: { applicationId: string; decisionId: string; command: ApplicationDecisionCommand }): Promise<void>;
  /** The municipality has left the application waiting: a reminder in its handlers' inbox. */
  remindApplicationHandlers(input: { applicationId: string; waitingDays: number }): Promise<void>;

  /** Makes the month's automatic events; a repeated call makes none twice. */
  recordAutomaticEvents(input: { organisationId: string; month: string }): Promise<AutoRecordingResult>;

  /** Opens (or finds) the organisation's settlement of the month. */
  openVoucherSettlement(input: { organisationId: string; month: string }): Promise<OpenedVoucherSettlement>;
  /** Reminds providers whose events of the month are still incomplete; returns how many were reminded. */
  remindProvidersToConfirm(input: { settlementId: string }): Promise<number>;
  /** Reminds the approvers of the events and interruptions waiting for manual approval; returns how many wait. */
  remindApprovers(input: { settlementId: string }): Promise<number>;
  /** Settles the month: locks it, pays each provider, deducts credits, writes the payment file. Idempotent. */
  settleVoucherMonth(input: { settlementId: string }): Promise<VoucherSettlementResult>;
  /** The organisation's own shares still to be invoiced (this and earlier settlements), by id after `after`. */
  ownSharesToInvoice(input: { organisationId: string; after?: string; limit: number }): Promise<OwnShareInvoiceRequest[]>;
  /** Links each own share to the invoice invoicing made, or notes why it could not; a repeated call changes nothing. */
  recordOwnShareInvoices(input: { outcomes: OwnShareInvoiceOutcome[] }): Promise<void>;

  /** An unanswered reclamation reminds the provider that has to answer it; false once it is answered. */
  remindReclamationHandler(input: { feedbackId: string }): Promise<boolean>;
}

export const PROVIDER_SETTLEMENT_ACTIVITY_CONTRACT = activityContract<ProviderSettlementActivities>()('ProviderSettlementActivities', [
  'recordApplicationDecision',
  'remindApplicationHandlers',
  'recordAutomaticEvents',
  'openVoucherSettlement',
  'remindProvidersToConfirm',
  'remindApprovers',
  'settleVoucherMonth',
  'ownSharesToInvoice',
  'recordOwnShareInvoices',
  'remindReclamationHandler',
]);

/** The estate workflow's call into provider settlement (libs/contracts/src/deaths.ts). */
export const VOUCHER_DEATH_ACTIVITY_CONTRACT = activityContract<VoucherDeathActivities>()('VoucherDeathActivities', ['closeVouchersAfterDeath']);

// The service-voucher workflows as their callers start them (never by a string name).
export const ProviderApplicationWorkflow = defineWorkflow<[ProviderApplicationInput], ProviderApplicationResult>('providerApplication');
export const VoucherAutoRecordingWorkflow = defineWorkflow<[VoucherMonthInput], AutoRecordingResult>('voucherAutoRecording');
export const VoucherSettlementWorkflow = defineWorkflow<[VoucherMonthInput], VoucherSettlementResult>('voucherSettlement');
export const ReclamationFollowUpWorkflow = defineWorkflow<[ReclamationFollowUpInput], { reminders: number }>('reclamationFollowUp');
