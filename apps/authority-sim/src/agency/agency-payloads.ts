import type { AgencyApiRecipient, AgencyApiReminder } from '@clientfees/contracts';
import { isLocalDate } from '@clientfees/domain';
import { badRequest } from '../http-json';

/**
 * The agency's request payloads (docs/agency-format.md) and their validation. Unknown fields are
 * refused rather than ignored: the simulator exists to catch a creditor adapter that drifts from
 * the documented format, and silently dropping a misspelt field would hide exactly that.
 */

export type ReminderRecipient = AgencyApiRecipient;
export type ReminderSubmission = AgencyApiReminder;

export interface CollectionStart {
  transferDate?: string;
  /** The debtor the collection demand goes to, when the creditor's recipient changed since the reminder (a deceased client's estate). */
  recipient?: ReminderRecipient;
}

export interface RecallRequest {
  reason: string;
  requestedBy?: string;
}

/** The statuses that move a case. */
export const CASE_REPORT_STATUSES = ['paid', 'payment-plan', 'returned'] as const;
/** The agency's steps against a deceased client's estate: reported, but the case keeps its status. */
export const ESTATE_STEP_REPORTS = ['demand-to-shareholders', 'second-demand-personal-liability', 'payment-order-applied'] as const;
export const REPORT_STATUSES = [...CASE_REPORT_STATUSES, ...ESTATE_STEP_REPORTS] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const isEstateStepReport = (status: ReportStatus): status is (typeof ESTATE_STEP_REPORTS)[number] => (ESTATE_STEP_REPORTS as readonly string[]).includes(status);

export interface ReportCommand {
  status: ReportStatus;
  amountCents?: number;
  reportedOn?: string;
}

type Json = Record<string, unknown>;

function object(value: unknown, field: string, allowed: readonly string[]): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw badRequest(field, 'must be a JSON object');
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw badRequest(field === 'body' ? key : `${field}.${key}`, 'is not a field of this payload');
  }
  return value as Json;
}

function text(body: Json, key: string, prefix: string, max = 200): string {
  const value = body[key];
  const field = prefix ? `${prefix}.${key}` : key;
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(field, 'is required and must be a non-empty string');
  if (value.length > max) throw badRequest(field, `must be at most ${max} characters`);
  return value;
}

function optionalText(body: Json, key: string, prefix: string, max = 200): string | undefined {
  return body[key] === undefined ? undefined : text(body, key, prefix, max);
}

function date(body: Json, key: string): string {
  const value = body[key];
  if (!isLocalDate(value)) throw badRequest(key, 'must be a calendar date YYYY-MM-DD');
  return value;
}

function optionalDate(body: Json, key: string): string | undefined {
  return body[key] === undefined ? undefined : date(body, key);
}

function cents(body: Json, key: string, min: number): number {
  const value = body[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw badRequest(key, 'must be a whole number of cents');
  if (value < min) throw badRequest(key, `must be at least ${min}`);
  return value;
}

const REMINDER_FIELDS = [
  'invoiceId',
  'creditorId',
  'invoiceNumber',
  'clientNumber',
  'recipient',
  'reference',
  'currency',
  'invoiceDate',
  'invoiceDueDate',
  'principalCents',
  'reminderFeeCents',
  'interestCents',
  'reminderDate',
  'reminderDueDate',
] as const;
const RECIPIENT_FIELDS = ['kind', 'name', 'streetAddress', 'postalCode', 'city', 'country'] as const;

export function parseReminderSubmission(value: unknown): ReminderSubmission {
  const body = object(value, 'body', REMINDER_FIELDS);
  const invoiceId = text(body, 'invoiceId', '', 100);
  const creditorId = text(body, 'creditorId', '', 100);
  let invoiceNumber: number | undefined;
  if (body.invoiceNumber !== undefined) invoiceNumber = cents(body, 'invoiceNumber', 1);
  const clientNumber = text(body, 'clientNumber', '', 64);
  if (body.recipient === undefined) throw badRequest('recipient', 'is required');
  const recipient = parseRecipient(body.recipient);
  const reference = text(body, 'reference', '', 35);
  if (body.currency !== 'EUR' && body.currency !== 'SEK') throw badRequest('currency', 'must be EUR or SEK');
  const submission: ReminderSubmission = {
    invoiceId,
    creditorId,
    ...(invoiceNumber === undefined ? {} : { invoiceNumber }),
    clientNumber,
    recipient,
    reference,
    currency: body.currency,
    ...(body.invoiceDate === undefined ? {} : { invoiceDate: optionalDate(body, 'invoiceDate') }),
    invoiceDueDate: date(body, 'invoiceDueDate'),
    principalCents: cents(body, 'principalCents', 1),
    reminderFeeCents: cents(body, 'reminderFeeCents', 0),
    interestCents: cents(body, 'interestCents', 0),
    reminderDate: date(body, 'reminderDate'),
    reminderDueDate: date(body, 'reminderDueDate'),
  };
  if (submission.reminderDate <= submission.invoiceDueDate) throw badRequest('reminderDate', 'must be after invoiceDueDate: only an overdue invoice gets a reminder');
  if (submission.reminderDueDate <= submission.reminderDate) throw badRequest('reminderDueDate', 'must be after reminderDate');
  return submission;
}

/** The debtor's name and postal address (`recipient`), as a reminder or a collection start gives it. */
function parseRecipient(value: unknown): ReminderRecipient {
  const r = object(value, 'recipient', RECIPIENT_FIELDS);
  const recipient: ReminderRecipient = {
    ...(r.kind === undefined ? {} : { kind: text(r, 'kind', 'recipient', 32) }),
    name: text(r, 'name', 'recipient'),
    streetAddress: text(r, 'streetAddress', 'recipient'),
    postalCode: text(r, 'postalCode', 'recipient', 16),
    city: text(r, 'city', 'recipient', 100),
    country: text(r, 'country', 'recipient', 2),
  };
  if (!/^[A-Z]{2}$/.test(recipient.country)) throw badRequest('recipient.country', 'must be an ISO 3166 alpha-2 code such as FI or SE');
  return recipient;
}

export function parseCollectionStart(value: unknown): CollectionStart {
  if (value === undefined) return {};
  const body = object(value, 'body', ['transferDate', 'recipient']);
  const transferDate = optionalDate(body, 'transferDate');
  return { ...(transferDate === undefined ? {} : { transferDate }), ...(body.recipient === undefined ? {} : { recipient: parseRecipient(body.recipient) }) };
}

export function parseRecallRequest(value: unknown): RecallRequest {
  if (value === undefined) throw badRequest('reason', 'is required');
  const body = object(value, 'body', ['reason', 'requestedBy']);
  const requestedBy = optionalText(body, 'requestedBy', '', 100);
  return { reason: text(body, 'reason', '', 500), ...(requestedBy === undefined ? {} : { requestedBy }) };
}

export function parseReportCommand(value: unknown): ReportCommand {
  if (value === undefined) throw badRequest('status', 'is required');
  const body = object(value, 'body', ['status', 'amountCents', 'reportedOn']);
  if (!(REPORT_STATUSES as readonly unknown[]).includes(body.status)) throw badRequest('status', `must be one of ${REPORT_STATUSES.join(', ')}`);
  const command: ReportCommand = { status: body.status as ReportStatus };
  if (body.amountCents !== undefined) command.amountCents = cents(body, 'amountCents', 0);
  if (body.reportedOn !== undefined) command.reportedOn = date(body, 'reportedOn');
  return command;
}

export interface PaymentPlanRequest {
  instalments: Array<{ dueDate: string; amountCents: number }>;
  requestedBy?: string;
}

/** The creditor's payment plan for a collected case (the client agreed it with the creditor). */
export function parsePaymentPlanRequest(value: unknown): PaymentPlanRequest {
  if (value === undefined) throw badRequest('instalments', 'is required');
  const body = object(value, 'body', ['instalments', 'requestedBy']);
  if (!Array.isArray(body.instalments) || body.instalments.length < 2) throw badRequest('instalments', 'must list at least two instalments');
  const instalments = body.instalments.map((item: unknown, i: number) => {
    const instalment = object(item, `instalments.${i}`, ['dueDate', 'amountCents']);
    return { dueDate: date(instalment, 'dueDate'), amountCents: cents(instalment, 'amountCents', 1) };
  });
  const requestedBy = optionalText(body, 'requestedBy', '', 100);
  return { instalments, ...(requestedBy === undefined ? {} : { requestedBy }) };
}
