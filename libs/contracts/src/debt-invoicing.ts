import type { Currency, EstateContactKind } from '@clientfees/domain';
import { activityContract } from './activities';
import type { InvoiceState } from './invoicing';

/**
 * What debt follow-up asks of invoicing, as activities on the invoicing task queue: the month's
 * debt list, the client's ledger, stopping billing at a death, the estate as the recipient, and
 * the lifecycle's write-off and collection pause. Each is safe to retry.
 */

/** A claim on the month-end debt list: an invoice unpaid past its due date (seed 004). */
export interface DebtClaim {
  invoiceId: string;
  clientId: string;
  invoiceNumber: number;
  invoiceDate: string;
  dueDate: string;
  /** YYYY-MM: the billing period the invoice bills, or the month it was issued. */
  period: string;
  openCents: number;
  state: InvoiceState;
}

export const DEBT_CLIENT_STATUSES = ['active', 'deceased', 'moved', 'closed'] as const;

/** The client behind claims, as invoicing knows them on the debt list's date. */
export interface DebtClient {
  clientId: string;
  clientNumber: string;
  /** For the letter's salutation and the lists; never an identity code. */
  name: string;
  /** The language the client is written to in, when invoicing knows it. */
  language?: 'fi' | 'sv';
  /** laskutusalue / debiteringsområde: whose unit manager sees the case. */
  debitingArea: string | null;
  /**
   * `closed`: the client's services have ended (SV avslutat ärende); `moved`: this list reports a
   * move the population register reported out of the organisation's area, or to an area not known
   * — the first month-end list after the move both took effect and was recorded, so a move
   * recorded late is on the next list; a move inside the area is none (`debtClientStatus`).
   */
  status: (typeof DEBT_CLIENT_STATUSES)[number];
  /**
   * The day the move this list reports took effect (`reportedMoveOf`), whatever the status; absent
   * when the list reports no move. The finance office's notice says it.
   */
  movedOn?: string;
  /**
   * Where that move took the client (ADR 0035): `out-of-area` when its home municipality is none
   * of the organisation's, `area-unknown` when the organisation's municipalities or the move's home
   * municipality are not known (then any address change is told). Absent with `movedOn`.
   */
  moveArea?: 'out-of-area' | 'area-unknown';
  /** The home municipality (kuntanumero / kommunkod) the register gave with that move, when it gave one. */
  movedTo?: string;
  /** Overpaid money on the client's credit balance, still to be refunded or settled. */
  creditBalanceCents: number;
}

/** Which page of the debt list: the organisation's claims unpaid past their due date on `asOf`, after the invoice id `after`. */
export interface DebtListRequest {
  organisationId: string;
  asOf: string;
  after?: string;
  limit: number;
}

export interface DebtListPage {
  asOf: string;
  currency: Currency;
  claims: DebtClaim[];
  /** The clients of this page's claims (a client may appear on several pages). */
  clients: DebtClient[];
  /** Pass back to get the next page; absent on the last page. */
  nextAfter?: string;
}

/** One invoice as the ledger (kundreskontra / reskontra) shows it. */
export interface LedgerEntry {
  invoiceId: string;
  invoiceNumber: number;
  invoiceDate: string;
  dueDate: string | null;
  totalCents: number;
  openCents: number;
  state: InvoiceState;
}

export interface ClientLedger {
  organisationId: string;
  clientId: string;
  clientNumber: string;
  currency: Currency;
  entries: LedgerEntry[];
}

export interface StopBillingAtDeathRequest {
  organisationId: string;
  clientId: string;
  dateOfDeath: string;
  estateCaseId: string;
  actor: string;
}

export interface StopBillingAtDeathResult {
  clientNumber: string;
  /** Billing settings and decided services ended on the date of death. */
  settingsEnded: number;
  /** Charges invoiced for days after the death, credited by a credit note in the invoice's lifecycle. */
  credited: Array<{ invoiceId: string; invoiceNumber: number; amountCents: number }>;
  /** The client's open invoices: held, not sent to the deceased, until the estate's contact is known. */
  heldInvoiceIds: string[];
}

/** The estate (kuolinpesä / dödsbo) as the recipient, through its contact person. */
export interface EstateRecipient {
  /** osakas / dödsbodelägare, or pesänhoitaja / boutredningsman. */
  kind: EstateContactKind;
  name: string;
  streetAddress: string;
  postalCode: string;
  city: string;
  country: string;
}

export interface WriteOffInvoiceRequest {
  invoiceId: string;
  /** The lifecycle's grounds (WRITE_OFF_GROUNDS). */
  grounds: string;
  note: string;
  /** The manager who signed the proposal, and the role they signed in. */
  actor: string;
  role: string;
  proposalId: string;
}

/** `refused`: the lifecycle refused (e.g. a payment plan being kept), with its reason. */
export interface WriteOffInvoiceResult {
  outcome: 'written-off' | 'nothing-open' | 'refused';
  amountCents: number;
  reason?: string;
}

export interface PauseCollectionRequest {
  organisationId: string;
  invoiceIds: string[];
  /** Collection waits until the end of this date. */
  until: string;
  reason: string;
  actor: string;
}

/** On the invoicing task queue. */
export interface DebtInvoicingActivities {
  /**
   * A page of the organisation's claims unpaid past their due date on `asOf`, by invoice id. Kept
   * for monthlyDebtReview runs begun before its patch `debt-list-read-by-debt-followup`; later runs
   * have debt follow-up fetch the pages itself (`DebtInvoicingMessages.debtList`).
   */
  listDebtClaims(input: DebtListRequest): Promise<DebtListPage>;
  /** The client's invoices (all, or those named) with their open amounts and states. */
  clientLedger(input: { organisationId: string; clientId: string; invoiceIds?: string[] }): Promise<ClientLedger>;
  /**
   * Billing stops at the death: settings end on the date of death, charges invoiced for days
   * after it are credited, open invoices are held for the estate's contact. Idempotent.
   */
  stopBillingAtDeath(input: StopBillingAtDeathRequest): Promise<StopBillingAtDeathResult>;
  /** The recipient of the client's open and later invoices becomes the estate; held invoices go out. */
  redirectInvoicesToEstate(input: { organisationId: string; clientId: string; estateCaseId: string; contact: EstateRecipient; actor: string }): Promise<{ invoiceIds: string[] }>;
  /**
   * Writes the invoice off through its lifecycle's `writeOff` update, recalling it from the
   * agency first (without costs for the client) when it is there. Nothing open: nothing done.
   */
  writeOffInvoice(input: WriteOffInvoiceRequest): Promise<WriteOffInvoiceResult>;
  /** Collection of these invoices pauses: recalled from the agency without costs, or held from the next transfer runs. */
  pauseCollection(input: PauseCollectionRequest): Promise<{ recalled: string[]; paused: string[] }>;
}

/** An invoice as a copy of it is printed with the reminder letter (seed 004: "kopia på fakturan"). */
export interface InvoiceCopy {
  invoiceId: string;
  invoiceNumber: number;
  invoiceDate: string;
  dueDate: string | null;
  /** FI creditor reference / SE OCR reference. */
  paymentReference: string;
  paymentReferenceInternational: string | null;
  /**
   * Whom the invoice was sent to. While a security ban protects the client's address,
   * `addressProtected` is true and an invoice to the client shows the marker instead of its
   * street, with empty postal code and city (libs/domain shownRecipient).
   */
  recipient: { name: string; streetAddress: string; postalCode: string; city: string; country?: string; addressProtected?: boolean };
  rows: Array<{ description: string; amountCents: number }>;
  totalCents: number;
  currency: Currency;
}

/** Synchronous queries invoicing answers for debt follow-up over @nestjs/microservices. */
export const DebtInvoicingMessages = {
  /** `{ organisationId, invoiceIds }` → `InvoiceCopy[]` (the organisation's invoices among them). */
  invoiceCopies: 'invoicing.invoice-copies.get',
  /** `DebtListRequest` → `DebtListPage`: a page of the month end's debt list, read by the review's activity. */
  debtList: 'invoicing.debt-list.page',
} as const;

/** The most claims a debt list page answered over TCP holds. */
export const DEBT_LIST_MAX_PAGE = 5000;

export const DEBT_INVOICING_ACTIVITY_CONTRACT = activityContract<DebtInvoicingActivities>()('DebtInvoicingActivities', [
  'listDebtClaims',
  'clientLedger',
  'stopBillingAtDeath',
  'redirectInvoicesToEstate',
  'writeOffInvoice',
  'pauseCollection',
]);
