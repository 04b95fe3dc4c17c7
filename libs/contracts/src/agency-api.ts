/**
 * The collection agency's JSON API (docs/agency-format.md): what the creditor's adapter (the
 * collection service) sends and what the agency answers. The agency stand-in (authority-sim)
 * speaks the same format and checks every payload against it.
 */

export interface AgencyApiRecipient {
  kind?: string;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  country: string;
}

/** `POST /reminders`: the invoice goes to the agency's reminder service. */
export interface AgencyApiReminder {
  invoiceId: string;
  creditorId: string;
  invoiceNumber?: number;
  clientNumber: string;
  recipient: AgencyApiRecipient;
  reference: string;
  currency: 'EUR' | 'SEK';
  invoiceDate?: string;
  invoiceDueDate: string;
  principalCents: number;
  reminderFeeCents: number;
  interestCents: number;
  reminderDate: string;
  reminderDueDate: string;
}

/** A case's status at the agency (not the creditor's own record of it). */
export const AGENCY_API_CASE_STATUSES = ['reminder-sent', 'in-collection', 'payment-plan', 'paid', 'returned', 'recalled'] as const;
export type AgencyApiCaseStatus = (typeof AGENCY_API_CASE_STATUSES)[number];

/** The figures of the reminder the agency sent, as the agency holds them. */
export interface AgencyApiReminderFigures {
  principalCents: number;
  reminderFeeCents: number;
  interestCents: number;
  totalCents: number;
  reminderDate: string;
  reminderDueDate: string;
}
