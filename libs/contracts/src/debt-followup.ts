import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Country, Currency, InventoryOutcome, SigningLimit, WriteOffProposalState } from '@clientfees/domain';
import { activityContract } from './activities';
import { defineWorkflow, REFUSAL_FAILURE_TYPES } from './workflow-definitions';
import type { DeathReportActivities } from './deaths';
import type { ClientLedger, DebtListPage, EstateRecipient, WriteOffInvoiceResult } from './debt-invoicing';

/**
 * Debt follow-up (saatavien seuranta / skuldbevakning): the estate of a deceased client, the
 * month-end debt review, write-off proposals signed by the responsible manager, and debt
 * restructurings. Workflows, their messages and the debt-followup service's activities.
 */

/**
 * Failure types with which these workflows refuse an update: 422 (a rule) or 409 (the state),
 * the kinds WorkflowMessages answers (REFUSAL_FAILURE_TYPES).
 */
export const DebtFollowupFailures = {
  refused: REFUSAL_FAILURE_TYPES.rule,
  state: REFUSAL_FAILURE_TYPES.state,
} as const;

// ---- the estate of a deceased client (kuolinpesä / dödsbo) ----------------------------------

export interface DecedentEstateInput {
  estateCaseId: string;
  organisationId: string;
  clientId: string;
  dateOfDeath: string;
  country: Country;
  timeZone: string;
}

export const ESTATE_STATES = ['stopping-billing', 'awaiting-contact', 'awaiting-inventory', 'inventory-overdue', 'awaiting-write-off', 'awaiting-settlement', 'closed'] as const;
export type EstateState = (typeof ESTATE_STATES)[number];

export interface EstateContactCommand {
  contact: EstateRecipient;
  actor: string;
  role: string;
}

export interface EstateInventoryCommand {
  outcome: InventoryOutcome;
  /** The day of the inventory meeting (perunkirjoitustilaisuus / förrättning), or of the dödsboanmälan. */
  inventoryDate: string;
  /** Where the document is: its registration number or archive reference. */
  documentReference: string;
  note: string;
  actor: string;
  role: string;
}

/** The agency's steps against an estate (seed 004, "Information från Visma"). */
export const AGENCY_ESTATE_STEPS = ['demand-to-shareholders', 'second-demand-personal-liability', 'payment-order-applied'] as const;
export type AgencyEstateStep = (typeof AGENCY_ESTATE_STEPS)[number];

export interface AgencyEstateStepSignal {
  /** The agency's report id; a repeat is ignored. */
  reportId: string;
  invoiceId: string;
  step: AgencyEstateStep;
  reportedOn: string;
}

/**
 * Collection tells debt follow-up of an estate step the agency reported, over the signed TCP
 * messages (ADR 0013). Collection knows the invoice's organisation and client number, not
 * invoicing's client id the estate workflow is named by: debt follow-up finds the estate case by
 * organisation and client number. Collection retries until answered, so the answer must be
 * the same for a repeat (the workflow counts a report id once).
 */
export const CollectionDebtMessages = {
  agencyEstateStep: 'debt-followup.agency-estate-step',
} as const;

export interface AgencyEstateStepMessage extends AgencyEstateStepSignal {
  organisationId: string;
  clientNumber: string;
}

/** `signalled`: the estate case has it; `no-estate-case`: the client has no estate case (kept in collection only); `case-closed`: its workflow has ended. */
export type AgencyEstateStepOutcome = 'signalled' | 'no-estate-case' | 'case-closed';

export interface DecedentEstateStatus {
  state: EstateState;
  dateOfDeath: string;
  inventoryDeadline: string;
  contact?: EstateRecipient;
  inventory?: { outcome: InventoryOutcome; inventoryDate: string; recordedBy: string };
  heldInvoiceIds: string[];
  creditedInvoiceIds: string[];
  writeOffProposalId?: string;
  agencySteps: AgencyEstateStepSignal[];
  inventoryReminders: number;
  closedOn?: string;
}

export const DecedentEstateMessages = {
  setContact: defineUpdate<DecedentEstateStatus, [EstateContactCommand]>('setEstateContact'),
  recordInventory: defineUpdate<DecedentEstateStatus, [EstateInventoryCommand]>('recordEstateInventory'),
  agencyStep: defineSignal<[AgencyEstateStepSignal]>('agencyEstateStep'),
  /** Something may have settled the estate's debts (a payment, an agency report): check now. */
  debtsChanged: defineSignal<[]>('estateDebtsChanged'),
  status: defineQuery<DecedentEstateStatus>('status'),
} as const;

export const DecedentEstateWorkflow = defineWorkflow<[DecedentEstateInput], DecedentEstateStatus>('decedentEstate');
/** One per deceased client: a second report of the same death finds it running. */
export const decedentEstateWorkflowId = (organisationId: string, clientId: string): string => `decedent-estate-${organisationId}-${clientId}`;

export const ESTATE_EVENT_KINDS = [
  'death-reported',
  'death-report-repeated',
  'death-report-conflicting',
  'billing-stopped',
  'vouchers-closed',
  'contact-entered',
  'invoices-to-estate',
  'inventory-recorded',
  'inventory-reminder',
  'write-off-proposed',
  'write-off-decided',
  'agency-step',
  'closed',
] as const;
export type EstateEventKind = (typeof ESTATE_EVENT_KINDS)[number];

export interface EstateEvent {
  estateCaseId: string;
  kind: EstateEventKind;
  /** Who: a user id, `collection-agency`, or `system:<workflow>`. */
  actor: string;
  /** Why, in a sentence a person can read on the case. */
  grounds: string;
  detail?: Record<string, unknown>;
  /** The case's state after the event. */
  state?: EstateState;
}

// ---- write-off proposals (avskrivningsunderlag / luottotappioesitys) --------------------------

export interface WriteOffProposalInput {
  proposalId: string;
  organisationId: string;
}

/** What the proposal workflow reads of its proposal when it starts. */
export interface WriteOffProposalFacts {
  proposalId: string;
  organisationId: string;
  clientId: string;
  grounds: string;
  note: string;
  /** The invoices proposed; null: every open invoice of the client. */
  invoiceIds: string[] | null;
  currency: Currency;
  signingLimits: SigningLimit[];
  reminderDays: number;
  timeZone: string;
}

export interface WriteOffDocumentation {
  totalCents: number;
  invoiceCount: number;
  /** The manager role the proposal goes to for signature. */
  responsibleRole: string | null;
}

export interface SignatureCommand {
  actor: string;
  role: string;
  /** The organisations the signer acts for (from the access token). */
  organisations: string[];
  note: string;
}

export interface RejectionCommand {
  actor: string;
  role: string;
  organisations: string[];
  reason: string;
}

export interface WriteOffProposalStatus {
  state: WriteOffProposalState;
  totalCents: number;
  responsibleRole: string | null;
  remindersSent: number;
  decidedBy?: string;
  writtenOffCents: number;
}

export const WriteOffProposalMessages = {
  sign: defineUpdate<WriteOffProposalStatus, [SignatureCommand]>('signWriteOffProposal'),
  reject: defineUpdate<WriteOffProposalStatus, [RejectionCommand]>('rejectWriteOffProposal'),
  status: defineQuery<WriteOffProposalStatus>('status'),
} as const;

export const WriteOffProposalWorkflow = defineWorkflow<[WriteOffProposalInput], WriteOffProposalStatus>('writeOffProposal');
export const writeOffProposalWorkflowId = (proposalId: string): string => `write-off-proposal-${proposalId}`;

export interface OpenWriteOffProposal {
  organisationId: string;
  clientId: string;
  grounds: string;
  note: string;
  invoiceIds?: string[];
  preparedBy: string;
  estateCaseId?: string;
  restructuringId?: string;
  /** The same key opens the same proposal (a retried activity). */
  proposalKey: string;
}

// ---- debt restructuring (skuldsanering / velkajärjestely) ------------------------------------

export interface DebtRestructuringInput {
  restructuringId: string;
  organisationId: string;
  clientId: string;
  effectiveOn: string;
  writeOffOn: string;
  timeZone: string;
  invoiceIds: string[];
}

export type DebtRestructuringState = 'pausing-collection' | 'in-force' | 'write-off-proposed' | 'closed';

export interface DebtRestructuringStatus {
  state: DebtRestructuringState;
  writeOffOn: string;
  proposalId?: string;
}

export const DebtRestructuringMessages = {
  status: defineQuery<DebtRestructuringStatus>('status'),
} as const;

export const DebtRestructuringWorkflow = defineWorkflow<[DebtRestructuringInput], DebtRestructuringStatus>('debtRestructuring');
export const debtRestructuringWorkflowId = (restructuringId: string): string => `debt-restructuring-${restructuringId}`;

// ---- the month-end debt review (seed 004) ----------------------------------------------------

export interface MonthlyDebtReviewInput {
  organisationId: string;
  /** The month end reviewed; a Schedule's run reviews the day it fires on. */
  monthEnd?: string;
  /** Carried through continue-as-new while the debt list is read. */
  reviewId?: string;
  after?: string;
}

export interface DebtReviewOpened {
  reviewId: string;
  monthEnd: string;
  /** Already completed (a repeated run): nothing to do again. */
  completed: boolean;
}

export interface DebtReviewSummary {
  reviewId: string;
  organisationId: string;
  monthEnd: string;
  claims: number;
  clients: number;
  openCents: number;
  newCases: number;
  workedCases: number;
  unattendedCases: number;
  letters: number;
  handedOver: number;
  escalated: number;
  closedCases: number;
  financeNotices: number;
}

export const MonthlyDebtReviewWorkflow = defineWorkflow<[MonthlyDebtReviewInput], DebtReviewSummary>('monthlyDebtReview');
export const debtReviewScheduleId = (organisationId: string): string => `debt-review-${organisationId}`;
export const debtReviewWorkflowId = (organisationId: string, monthEnd: string): string => `debt-review-${organisationId}-${monthEnd}`;

// ---- the debt-followup service's activities ---------------------------------------------------

/** The estate's activities; the death report is the contract income verification calls. */
export interface EstateActivitiesContract extends DeathReportActivities {
  /** Appends an event to the estate case (actor, time, grounds) and moves its state. Once per activity execution. */
  recordEstateEvent(event: EstateEvent): Promise<void>;
  /** The inventory deadline passed without an inventory: an inbox item for the estate investigator. */
  remindEstateInvestigator(input: { estateCaseId: string; inventoryDeadline: string; reminder: number }): Promise<void>;
}

export interface WriteOffProposalActivitiesContract {
  /** Opens a write-off proposal (idempotent by its key); the proposal workflow then documents it. */
  openWriteOffProposal(input: OpenWriteOffProposal): Promise<{ proposalId: string }>;
  loadWriteOffProposal(proposalId: string): Promise<WriteOffProposalFacts>;
  /** Stores the ledger extract as the proposal's documentation and sends it to the responsible manager. */
  documentWriteOffProposal(input: { proposalId: string; ledger: ClientLedger }): Promise<WriteOffDocumentation>;
  remindWriteOffSigner(input: { proposalId: string; reminder: number }): Promise<void>;
  recordWriteOffDecision(input: { proposalId: string; decision: 'signed' | 'rejected'; actor: string; role: string; note: string }): Promise<void>;
  recordWriteOffResult(input: { proposalId: string; invoiceId: string } & WriteOffInvoiceResult): Promise<void>;
  closeWriteOffProposal(input: { proposalId: string; state: 'written-off' | 'rejected' | 'void' }): Promise<void>;
}

export interface RestructuringActivitiesContract {
  recordRestructuringEvent(input: { restructuringId: string; kind: string; grounds: string; state: DebtRestructuringState; proposalId?: string }): Promise<void>;
}

export interface DebtReviewActivitiesContract {
  /** Opens the organisation's review of the month end (once per month end). */
  openDebtReview(input: { organisationId: string; monthEnd?: string }): Promise<DebtReviewOpened>;
  /**
   * Reads the debt list from invoicing (its TCP message, page by page) into the review, from the
   * claim after `after` for at most a bounded number of pages; answers where to go on (absent at
   * the end). A page read again (a retry) adds nothing.
   */
  readDebtList(input: { reviewId: string; organisationId: string; asOf: string; after?: string }): Promise<{ claims: number; nextAfter?: string }>;
  /**
   * Stores a page of the debt list in the review (a repeated page changes nothing). Kept for
   * monthlyDebtReview runs begun before its patch `debt-list-read-by-debt-followup`.
   */
  storeDebtClaims(input: { reviewId: string; page: DebtListPage }): Promise<void>;
  /** Numbers the review's clients into batches; returns how many. */
  batchDebtReview(reviewId: string): Promise<number>;
  /** Reviews each client of the batch by the month-end rule: cases, letters, hand-overs, escalations, notices. */
  reviewDebtBatch(input: { reviewId: string; batch: number }): Promise<void>;
  /** Closes the cases of clients without claims, lists per unit manager, and sums the review up. */
  completeDebtReview(reviewId: string): Promise<DebtReviewSummary>;
}

/** Every activity on the debt-followup task queue, as the workflows call them. */
export interface DebtFollowupActivities extends EstateActivitiesContract, WriteOffProposalActivitiesContract, RestructuringActivitiesContract, DebtReviewActivitiesContract {}

export const ESTATE_ACTIVITY_CONTRACT = activityContract<EstateActivitiesContract>()('EstateActivities', ['recordClientDeath', 'recordEstateEvent', 'remindEstateInvestigator']);
export const WRITE_OFF_PROPOSAL_ACTIVITY_CONTRACT = activityContract<WriteOffProposalActivitiesContract>()('WriteOffProposalActivities', [
  'openWriteOffProposal',
  'loadWriteOffProposal',
  'documentWriteOffProposal',
  'remindWriteOffSigner',
  'recordWriteOffDecision',
  'recordWriteOffResult',
  'closeWriteOffProposal',
]);
export const RESTRUCTURING_ACTIVITY_CONTRACT = activityContract<RestructuringActivitiesContract>()('RestructuringActivities', ['recordRestructuringEvent']);
export const DEBT_REVIEW_ACTIVITY_CONTRACT = activityContract<DebtReviewActivitiesContract>()('DebtReviewActivities', [
  'openDebtReview',
  'readDebtList',
  'storeDebtClaims',
  'batchDebtReview',
  'reviewDebtBatch',
  'completeDebtReview',
]);
