import { upsertSearchAttributes } from '@temporalio/workflow';
import { addDays, isOnOrBefore, localDateInZone, startOfDayInZone } from '@clientfees/domain/workflow';
import {
  AgencyStatusSignal,
  InvoiceLifecycleInput,
  InvoiceLifecycleStatus,
  InvoiceState,
  InvoiceTerms,
  RecallCommand,
  SearchAttributes,
  TransferRunSignal,
} from '@clientfees/contracts';
import { invoicing } from './activities';

/** The terms once known, with what lifecycles started before a term existed did without. */
export type KnownTerms = InvoiceTerms & Required<Pick<InvoiceTerms, 'timeZone' | 'reminderDueDays' | 'reminderFeeCents' | 'isEstate'>>;

/** The first lifecycles' terms named no time zone: their organisations were all Finnish. */
const FIRST_TIME_ZONE = 'Europe/Helsinki';

export function knownTerms(terms: InvoiceTerms): KnownTerms {
  return { ...terms, timeZone: terms.timeZone ?? FIRST_TIME_ZONE, reminderDueDays: terms.reminderDueDays ?? 14, reminderFeeCents: terms.reminderFeeCents ?? 0, isEstate: terms.isEstate ?? false };
}

/** Who closed the invoice other than by payment. */
export type ClosedBy = 'credited' | 'waived' | 'written-off';

/**
 * What one invoice's lifecycle knows: the status it answers queries with, the facts its signals
 * brought, the decisions made on it, and the steps it records. The handlers and the phases share
 * it; only the phases wait.
 */
export class Lifecycle {
  readonly status: InvoiceLifecycleStatus;
  private knownTerms?: KnownTerms;
  /** Closed by a credit note, a waiver or a write-off (set as the decision starts, so no timer moves the invoice on meanwhile). */
  closedBy?: ClosedBy;
  /** A deferral moved the due date: the wait for it starts again. */
  dueMoved = false;
  /** The organisation made a payment plan, which the lifecycle follows. */
  planMade = false;
  /** What was paid when the plan was made: instalments count from there. */
  paidBeforePlan = 0;
  /** The plan in force is the agency's (made at the agency or reported by it). */
  agencyPlan = false;
  /** The transfer run that took the invoice, once one has. */
  transferRun?: TransferRunSignal;
  recallRequest?: RecallCommand;
  readonly agencyReports: AgencyStatusSignal[] = [];
  readonly seenReports = new Set<string>();
  readonly seenPayments = new Set<string>();

  constructor(readonly input: InvoiceLifecycleInput) {
    const resumed = input.resumed;
    this.status = { state: resumed?.state ?? 'issued', paidCents: resumed?.paidCents ?? 0, totalCents: input.totalCents - (resumed?.creditedCents ?? 0) };
    for (const paymentId of resumed?.countedPaymentIds ?? []) this.seenPayments.add(paymentId);
  }

  /** A run resumed for a reopened invoice (`input.resumed`) that is still in the state it reopened in. */
  resumedIn(state: InvoiceState): boolean {
    return this.input.resumed !== undefined && this.status.state === state;
  }

  get termsKnown(): boolean {
    return this.knownTerms !== undefined;
  }

  /** The terms; only read once the first activity has answered them (`termsKnown`). */
  get terms(): KnownTerms {
    if (!this.knownTerms) throw new Error('the invoice terms are not known yet');
    return this.knownTerms;
  }

  set terms(terms: KnownTerms) {
    this.knownTerms = terms;
  }

  get state(): InvoiceState {
    return this.status.state;
  }

  paidInFull(): boolean {
    return this.status.paidCents >= this.status.totalCents;
  }

  /** Paid, or closed by a credit note, a waiver or a write-off: nothing more to wait for. */
  settled(): boolean {
    return this.paidInFull() || this.closedBy !== undefined;
  }

  openCents(): number {
    return Math.max(0, this.status.totalCents - this.status.paidCents);
  }

  /** Whether a § 11 decision holds reminders and collection back on this day. */
  pausedOn(date: string): boolean {
    return this.status.collectionPausedUntil !== undefined && isOnOrBefore(date, this.status.collectionPausedUntil);
  }

  /** The instant the calendar day `date` ends in the organisation's time zone. */
  endOf(date: string): number {
    return startOfDayInZone(addDays(date, 1), this.terms.timeZone);
  }

  /** The organisation's calendar day now. */
  today(): string {
    return localDateInZone(Date.now(), this.terms.timeZone);
  }

  /** Milliseconds until `instant`, at least 1 (a timer of 0 would never fire). */
  static until(instant: number): number {
    return Math.max(1, instant - Date.now());
  }

  /** Moves the invoice on and records the step with its reason and actor. */
  async moveTo(next: InvoiceState, reason: string, actor = SYSTEM_ACTOR, transferEligibleDate?: string): Promise<void> {
    this.status.state = next;
    upsertSearchAttributes([{ key: SearchAttributes.invoiceState, value: next }]);
    await invoicing.recordInvoiceState({ invoiceId: this.input.invoiceId, state: next, reason, actor, ...(transferEligibleDate ? { transferEligibleDate } : {}) });
  }

  /** The calendar due date as midnight UTC: the Temporal UI then shows the date itself. */
  showDueDate(date: string): void {
    upsertSearchAttributes([{ key: SearchAttributes.dueDate, value: new Date(`${date}T00:00:00Z`) }]);
  }
}

/** The actor of the steps the lifecycle takes by itself. */
export const SYSTEM_ACTOR = 'system:invoiceLifecycle';
