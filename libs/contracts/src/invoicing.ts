import type { Currency, DecidedService } from '@clientfees/domain';
import type { InvoiceState } from '@clientfees/domain/workflow';
import type { InvoiceSnapshot } from './collection';
import { defineWorkflow } from './workflow-definitions';

/** Invoice states (laskun tila / fakturastatus): the domain's one model, with its transitions. */
export { CLOSED_INVOICE_STATES, INVOICE_STATES, OPEN_INVOICE_STATES, type InvoiceState } from '@clientfees/domain/workflow';

export interface InvoiceLifecycleInput {
  invoiceId: string;
  organisationId: string;
  clientNumber: string;
  totalCents: number;
  currency: Currency;
  /** Set when a paid invoice was reopened (a bank took its payment back): the new run goes on from here. */
  resumed?: LifecycleResumption;
}

/**
 * A paid invoice reopened by a bank's reversal (docs/payments.md): its lifecycle had ended, so a
 * new run of the same workflow id starts in the state the invoice reopened in, with what is still
 * paid and credited, and counts none of the payments it names again (their signals may still be
 * on their way from the outbox).
 */
export interface LifecycleResumption {
  state: Extract<InvoiceState, 'issued' | 'partially-paid' | 'overdue'>;
  /** What stays allocated to the invoice, the reversal's negative rows included. */
  paidCents: number;
  /** Credit notes on the invoice, which lower what the client owes. */
  creditedCents: number;
  /** The payment ids (as signalled, `<id>:reversed` for a reversal's row) that `paidCents` already counts. */
  countedPaymentIds: string[];
  /** Why the invoice was reopened: the reversal and its bank file. */
  grounds: string;
}

export interface InvoiceDueDate {
  /** Calendar date in the organisation's time zone, YYYY-MM-DD. */
  dueDate: string;
  /** The instant the due date ends (00:00 of the next day in the organisation's time zone). */
  dueDateEndsAtMs: number;
}

/** What the lifecycle needs to know once the invoice is issued. */
export interface InvoiceTerms extends InvoiceDueDate {
  /** The invoice goes to the estate of a deceased client: no deferrals through the workflow. */
  isEstate?: boolean;
  deferralLimits?: { officerMonths: number; supervisorMonths: number };
  /** The organisation's IANA time zone, in which calendar dates begin and end. */
  timeZone?: string;
  /** The first transfer run date that may take the invoice if unpaid (due date + 17 days by default). */
  transferEligibleDate?: string;
  reminderDueDays?: number;
  reminderFeeCents?: number;
  /** The end of a § 11 decision in force for the client when the invoice was issued. */
  collectionPausedUntil?: string;
  /** What collection needs to know of the invoice. */
  snapshot?: InvoiceSnapshot;
}

/** A transfer run (siirtoajo) offering an eligible invoice to the agency's reminder service. */
export interface TransferRunSignal {
  runId: string;
  runDate: string;
}

export interface CollectionTransferRunInput {
  organisationId: string;
  /** Set by the Schedule's first run; carried through continue-as-new. */
  runDate?: string;
  runId?: string;
  after?: string;
  offered?: number;
}

/** A transfer run (siirtoajo): one Schedule per organisation starts it (ADR 0002). */
export const CollectionTransferRunWorkflow = defineWorkflow<[CollectionTransferRunInput], { runDate: string; offered: number }>('collectionTransferRun');

export interface TransferRunPage {
  runDate: string;
  invoiceIds: string[];
  /** Pass back to get the next page; absent on the last page. */
  nextAfter?: string;
}

/** A request to move the due date (eräpäivän siirto / anstånd). */
export interface DeferralCommand {
  requestedDueDate: string;
  reason: string;
  actor: string;
  /** The role the actor acts in; decides the limit. */
  role: string;
}

export interface DeferralApprovalDecision {
  /** The request decided: a decision for a request since decided or withdrawn is refused, never applied to a newer one. */
  approvalId: string;
  approve: boolean;
  note: string;
  actor: string;
  role: string;
}

export interface PendingDeferral {
  approvalId: string;
  requestedDueDate: string;
  requestedBy: string;
}

export interface DeferralResult {
  outcome: 'granted' | 'denied';
  dueDate: string;
}

export interface InvoiceStateChange {
  invoiceId: string;
  state: InvoiceState;
  reason: string;
  /** Who made the change: a user id, or `system:<workflow>` for automatic steps. */
  actor: string;
  /** Set when the change makes the invoice wait for a transfer run from this date (a broken plan). */
  transferEligibleDate?: string;
}

/** Activities the invoicing service runs on its own task queue. */
export interface InvoicingActivities {
  /** Computes the due date from the organisation's payment terms and stores it on the invoice. */
  setInvoiceDueDate(invoiceId: string): Promise<InvoiceTerms>;
  /** Stores a state change with its time, actor and reason. Idempotent per (invoice, state). */
  recordInvoiceState(change: InvoiceStateChange): Promise<void>;
  /** Moves the due date and records who deferred it and why. */
  applyDeferral(input: { invoiceId: string; dueDate: string; actor: string; reason: string }): Promise<InvoiceDueDate>;
  /** Puts a long deferral into the billing supervisor's inbox; says when to remind them. */
  openDeferralApproval(input: { invoiceId: string; requestedDueDate: string; requestedBy: string; reason: string }): Promise<{ approvalId: string; remindAtMs: number }>;
  remindDeferralApprover(input: { approvalId: string }): Promise<void>;
  closeDeferralApproval(input: { approvalId: string; outcome: 'approved' | 'denied' | 'withdrawn'; decidedBy: string; note: string }): Promise<void>;
  /** Stores a credit note (hyvityslasku / kreditfaktura) against the invoice, numbered in the organisation's series. */
  recordCreditNote(input: { invoiceId: string; amountCents: number; reason: string; actor: string }): Promise<{ creditNoteId: string; creditNoteNumber: number }>;
  /** The overdue invoices a transfer run takes: eligible on or before the run date, oldest first. */
  listInvoicesForTransferRun(input: { organisationId: string; runDate?: string; after?: string; limit: number }): Promise<TransferRunPage>;
}

export interface PaymentSignal {
  /** The bank's or registrar's id for this payment; a repeated id is ignored. */
  paymentId: string;
  /** Negative when the bank took the payment back (a reversal, `<paymentId>:reversed`). */
  amountCents: number;
  paidOn: string;
}

export interface PlannedInstalment {
  number: number;
  dueDate: string;
  amountCents: number;
}

export interface InvoiceLifecycleStatus {
  state: InvoiceState;
  /** Reminders and collection wait until the day after this (a § 11 decision). */
  collectionPausedUntil?: string;
  /** The client's payment plan (maksusuunnitelma / avbetalningsplan) while it is kept. */
  paymentPlan?: { instalments: PlannedInstalment[] };
  reminder?: { reminderId: string; reminderDueDate: string; feeCents: number; interestCents: number };
  agencyCaseId?: string;
  /** Set when the invoice was written off: the amount that was open then, and the decision. */
  writtenOff?: { amountCents: number; grounds: string; note: string; decidedBy: string };
  dueDate?: string;
  /** The due date when issued; deferral limits count from it. */
  originalDueDate?: string;
  pendingDeferral?: PendingDeferral;
  paidCents: number;
  totalCents: number;
}

/** Message patterns invoicing answers (`ServiceMessage` envelopes, ADR 0013). */
export const InvoicingMessages = {
  /** `GetInvoiceRequest` → the invoice view; from collection and debt-followup only. */
  getInvoice: 'invoicing.invoice.get',
  /** The rows of one rule table as the database holds them: `RuleTableRequest` → `RuleTableRow[]`. */
  getRuleTable: 'invoicing.rule-table.get',
  /** `RegisterAddressChange` → `RegisterAddressApplied`: an address the population register reported; from income-verification only. */
  registerAddress: 'invoicing.client.register-address',
  /** `ClientIdentityRequest` → `ClientIdentity`: the client's personal identity code for an income review; from income-verification only. */
  clientIdentity: 'invoicing.client.identity',
  /** `DecidedServicesRequest` → `DecidedServicesAnswer`: the client's decided services, for an income review's fee decision; from income-verification only. */
  decidedServices: 'invoicing.client.decided-services',
} as const;

/** Whose decided services income verification asks for: invoicing's client id, in the organisation it acts for. */
export interface DecidedServicesRequest {
  organisationId: string;
  clientId: string;
}

/** The client's decided services (palvelupäätös / biståndsbeslut) as invoicing bills them, amounts as decimal strings; or why there are none to give. */
export type DecidedServicesAnswer = { known: true; services: DecidedService[] } | { known: false; reason: string };

/** Whose identity code income verification asks for: invoicing's client id, in the organisation it acts for. */
export interface ClientIdentityRequest {
  organisationId: string;
  /** Invoicing's client id (never the identity code itself). */
  clientId: string;
  /** Why, for invoicing's access log of identity-code reads: `income review 7c0e… (new-client), started by officer-1`. */
  purpose: string;
}

/**
 * The client's personal identity code (henkilötunnus / personnummer) as invoicing holds it, in
 * full: only income verification gets it, to ask the authorities, and it is never logged, put in a
 * workflow's input, id or search attributes, nor in a URL. A client invoicing does not know in
 * that organisation is `known: false`.
 */
export type ClientIdentity = { known: true; identityCode: string; name: string } | { known: false; reason: string };

/**
 * An address change the population register's change feed reported for a client (VTJ
 * muutosrajapinta), for the client's billing settings from its effective date. Under a security
 * ban (turvakielto) the address is never sent: `protected` and no address. A ban that ended with
 * no address in the report is `protected: false` and no address.
 */
export interface RegisterAddressChange {
  organisationId: string;
  /** Invoicing's client id. */
  clientId: string;
  /** The population change's id in income verification: a repeat is answered as the first time. */
  changeId: string;
  /** The day the register says the address applies from (alkupv), or the day it recorded the change. YYYY-MM-DD. */
  effectiveDate: string;
  address: { streetAddress: string; postalCode: string; city: string } | null;
  protected: boolean;
  /**
   * The home municipality (kotikunta) the register gave with the address change, by its
   * municipality number (e.g. `049`); null or left out when the register did not say (an older
   * feed, a change that kept the home municipality, or one under a security ban). The debt list
   * tells whether the client moved out of the organisation's area by it (ADR 0035).
   */
  homeMunicipality?: string | null;
  /** The feed entry: `population register change feed, key 1042, recorded 2026-11-03`. */
  sourceReference: string;
}

/** What invoicing made of a register address: the first day it applies and the versions changed, or why nothing changed. */
export type RegisterAddressApplied = { applied: true; from: string; versionsChanged: number } | { applied: false; reason: string };

/** A rule table by its RULE_TABLES name, e.g. 'fi-reference-rates'. */
export interface RuleTableRequest {
  name: string;
}

/** One dated row of a rule table (the domain's DatedRow as JSON). */
export interface RuleTableRow {
  validFrom: string;
  validTo: string | null;
  source: string;
  value: unknown;
  status: 'confirmed' | 'check' | 'estimate';
}

export interface GetInvoiceRequest {
  /** The organisation the sender acts for: an invoice of any other is not found. */
  organisationId: string;
  id: string;
}

export interface RecallCommand {
  reason: string;
  actor: string;
}

/** Waiving collection of a justified invoice (perinnästä luopuminen): the result-area director's decision. */
export interface WaiverCommand {
  grounds: string;
  actor: string;
  role: string;
}

/**
 * Writing the open amount off as a credit loss (luottotappio / avskrivning): the billing
 * supervisor's or the result-area director's decision, on grounds from the domain's
 * WRITE_OFF_GROUNDS, with a note.
 */
export interface WriteOffCommand {
  grounds: string;
  note: string;
  actor: string;
  role: string;
}

/** A full or partial credit of the invoice. */
export interface CreditCommand {
  amountCents: number;
  reason: string;
  actor: string;
  role: string;
  /** Every role the person holds: a large credit needs one that may make it (`creditRefusal`). */
  roles?: string[];
  /** From LARGE_CREDIT_GROUNDS: required for a large credit. */
  grounds?: string;
}

/** A payment plan: the open amount split into instalments a month apart. */
export interface PaymentPlanCommand {
  instalments: number;
  firstDueDate: string;
  actor: string;
  role: string;
}

/**
 * A fixed-term fee reduction or waiver decision (asiakasmaksun alentaminen tai perimättä
 * jättäminen, Act 734/1992 § 11): no reminders or collection for the invoices it covers while
 * it is in force.
 */
export interface FeeReductionSignal {
  decisionId: string;
  validFrom: string;
  validTo: string;
}
