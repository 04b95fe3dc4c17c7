import { claimMonths, ESCALATION_MONTHS } from './escalation';

/**
 * The month-end debt follow-up of one client (seed 004, Söderköping "Rutin Skuldfordringar",
 * the fee officer's part): at the end of the month the debt list is pulled; a client with unpaid
 * claims past their due date has one debt case; new cases that nobody works on are flagged; the
 * client gets a standard reminder letter with copies of the invoices; still unpaid after it, the
 * case goes to the client's caseworker; the finance office is told of deceased, moved and closed
 * cases; the deputy head of social services is told when the debt covers three months of claims.
 */

/** One unpaid claim past its due date on the debt list. */
export interface DebtListClaim {
  readonly invoiceId: string;
  /** Billing month YYYY-MM (the invoice's period, or the month it was issued). */
  readonly period: string;
  readonly openCents: number;
}

/**
 * The client as invoicing knows them at the month end: `closed` means the client's services have
 * ended (SV avslutat ärende), `moved` that this list reports a move the population register
 * reported (`debtClientStatus`, `reportedMove`).
 */
export type DebtClientStatus = 'active' | 'deceased' | 'moved' | 'closed';
export type FinanceNotice = 'deceased' | 'moved' | 'closed';

/** What the open debt case of the client remembers from earlier month ends. */
export interface OpenDebtCaseMemory {
  /** The fee officer who works on the case; none: nobody does. */
  readonly handler: string | null;
  /** Invoices a reminder letter has already been sent for. */
  readonly letteredInvoiceIds: readonly string[];
  readonly handedOver: boolean;
  readonly escalated: boolean;
  readonly noticesGiven: readonly FinanceNotice[];
}

export interface DebtCaseReviewInput {
  readonly claims: readonly DebtListClaim[];
  readonly status: DebtClientStatus;
  readonly openCase?: OpenDebtCaseMemory;
}

export type DebtCaseFlag = 'new' | 'unattended' | 'worked' | 'escalated' | 'handed-over';

export interface DebtCaseReview {
  /** A new debt case opens for the client. */
  readonly open: boolean;
  /** Nothing is unpaid any more: the case closes. */
  readonly close: boolean;
  /** Invoices that get the standard reminder letter now (never twice for one invoice). */
  readonly letterInvoiceIds: readonly string[];
  /** A letter went out at an earlier month end and its invoices are still unpaid: the caseworker's task. */
  readonly handOver: boolean;
  /** The debt now covers three months of claims: the deputy head of social services is told. */
  readonly escalate: boolean;
  /** The debt dropped below three months: a later growth is told again. */
  readonly deEscalate: boolean;
  readonly notices: readonly FinanceNotice[];
  readonly flags: readonly DebtCaseFlag[];
  readonly openCents: number;
  readonly months: number;
}

const NOTHING: Omit<DebtCaseReview, 'flags' | 'openCents' | 'months' | 'close'> = {
  open: false,
  letterInvoiceIds: [],
  handOver: false,
  escalate: false,
  deEscalate: false,
  notices: [],
};

export function reviewDebtCase(input: DebtCaseReviewInput): DebtCaseReview {
  const { claims, openCase, status } = input;
  const openCents = claims.reduce((sum, claim) => sum + claim.openCents, 0);
  const months = claimMonths(claims);
  // A death and the end of the services are told once per case; a move every time a list reports
  // one, as each move is on one list only (`reportedMove`): a client who moves twice is told twice.
  const toldBefore = (notice: FinanceNotice) => notice !== 'moved' && (openCase?.noticesGiven ?? []).includes(notice);
  const notices: FinanceNotice[] = status !== 'active' && !toldBefore(status) && (claims.length > 0 || openCase) ? [status] : [];

  if (claims.length === 0) {
    return { ...NOTHING, close: openCase !== undefined, notices, flags: [], openCents: 0, months: 0 };
  }

  const lettered = new Set(openCase?.letteredInvoiceIds ?? []);
  // A deceased client's debts are the estate's: the estate workflow and the estate investigator
  // take them on (kuolinpesä / dödsbo); no reminder letter or caseworker goes to the deceased.
  const living = status !== 'deceased';
  const letterInvoiceIds = living ? claims.map((claim) => claim.invoiceId).filter((id) => !lettered.has(id)) : [];
  const stillUnpaidAfterLetter = claims.some((claim) => lettered.has(claim.invoiceId));
  const handOver = living && openCase !== undefined && !openCase.handedOver && stillUnpaidAfterLetter;
  const threeMonths = months >= ESCALATION_MONTHS;
  const escalate = living && threeMonths && !openCase?.escalated;
  const deEscalate = openCase?.escalated === true && !threeMonths;

  const flags: DebtCaseFlag[] = [];
  if (!openCase) flags.push('new');
  flags.push(openCase?.handler ? 'worked' : 'unattended');
  if (escalate || (openCase?.escalated && !deEscalate)) flags.push('escalated');
  if (handOver || openCase?.handedOver) flags.push('handed-over');

  return { open: !openCase, close: false, letterInvoiceIds, handOver, escalate, deEscalate, notices, flags, openCents, months };
}
