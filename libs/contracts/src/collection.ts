import type { AgencyEstateStep } from './debt-followup';
import type { Country, Currency } from '@clientfees/domain';

/** What collection needs to know of an invoice; invoicing hands it over with each step. */
export interface InvoiceSnapshot {
  invoiceId: string;
  organisationId: string;
  country: Country;
  currency: Currency;
  invoiceNumber: number;
  /** The organisation's client number; never a personal identity code. */
  clientNumber: string;
  /** FI creditor reference / SE OCR reference. */
  paymentReference: string;
  recipient: { kind: string; name: string; streetAddress: string; postalCode: string; city: string; country: string };
  invoiceDate: string;
  dueDate: string;
}

export interface ReminderRequest {
  invoice: InvoiceSnapshot;
  /** What is still unpaid of the invoice's principal, in cents. */
  openCents: number;
  /** The transfer run's date: the agency sends the reminder (maksumuistutus / betalningspåminnelse) that day. */
  reminderDate: string;
  reminderDueDate: string;
  /** The organisation's reminder fee, already checked against the legal cap. */
  reminderFeeCents: number;
}

export interface ReminderSent {
  reminderId: string;
  reminderFeeCents: number;
  /** Late-payment interest from the day after the due date to the reminder date, both inclusive. */
  interestCents: number;
  totalCents: number;
  reminderDueDate: string;
  /** The agency's case for this invoice. */
  agencyCaseId: string;
}

export interface AgencyTransferRequest {
  invoice: InvoiceSnapshot;
  openCents: number;
  reminderId: string;
  transferDate: string;
}

export interface AgencyPaymentPlanRequest {
  invoiceId: string;
  instalments: Array<{ dueDate: string; amountCents: number }>;
  actor: string;
}

export interface AgencyRecallRequest {
  invoiceId: string;
  reason: string;
  actor: string;
}

/** Activities the collection service runs on its own task queue; each is idempotent per invoice. */
export interface CollectionActivities {
  /** Hands the invoice to the agency's reminder service; a repeated call returns the first reminder. */
  sendReminder(request: ReminderRequest): Promise<ReminderSent>;
  /** Unpaid after the reminder: the agency starts collection (perintä / inkasso). */
  transferToAgency(request: AgencyTransferRequest): Promise<{ agencyCaseId: string }>;
  /** A transfer made in error: the agency closes the case and the client pays no collection costs. */
  recallFromAgency(request: AgencyRecallRequest): Promise<void>;
  /** A payment plan agreed for an invoice at the agency: the agency follows it from now on. */
  tellAgencyOfPaymentPlan(request: AgencyPaymentPlanRequest): Promise<void>;
}

/** Status reports from the collection agency, delivered to the invoice's lifecycle as a signal. */
export type AgencyStatus = 'paid' | 'payment-plan' | 'returned';

/**
 * Everything the agency may report on a case: a status (to the invoice's lifecycle) or one of
 * its steps against a deceased client's estate (to debt follow-up, which tells the estate case).
 */
export type AgencyReportStatus = AgencyStatus | AgencyEstateStep;

export interface AgencyStatusSignal {
  /** The agency's id for the report; a repeated report is ignored. */
  reportId: string;
  status: AgencyStatus;
  /** For `paid`: what the agency collected of the principal, in cents. */
  amountCents?: number;
  reportedOn: string;
}
