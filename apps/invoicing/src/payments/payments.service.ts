import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import {
  addDays,
  type AllocationPlan,
  bookExcessPayment,
  chooseReversalOriginal,
  type Country,
  type Currency,
  type DocumentMatch,
  DomainValidationError,
  isClosedInvoiceState,
  localDateInZone,
  Money,
  noReferenceReason,
  normalisePaymentReference,
  parseLocalDate,
  planRemittanceAllocation,
  referenceInMessage,
  reopeningAfterReversal,
  type RemittedDocument,
  repeatedIdDifference,
  type ReportedPayment,
  REVERSAL_WINDOW_DAYS,
  type ReversalFacts,
  seriesNumberOfDocument,
  RuleRefusal,
  secondPersonRefusal,
  seriesNumberOfReference,
} from '@clientfees/domain';
import { type Camt054Payment, type Camt054Reversal, parseCamt054 } from '@clientfees/iso20022';
import { conflict, Database, SERVICE_LOGGER, SignalOutbox, Tx } from '@clientfees/platform';
import { creditNotesByNumber, findInvoice, Invoice, lockInvoicesNamed, markLifecycleToResume, recordInvoiceEvent } from '../invoices/invoice.queries';
import { InvoicesService } from '../invoices/invoices.service';
import { organisationFromBody } from '../organisations/organisation-lookup';
import type { Organisation } from '../organisations/organisation.queries';
import {
  allocationsOfInvoice,
  allocationsOfPayments,
  findPayment,
  findPaymentByExternalId,
  type IgnoredItem,
  insertAllocation,
  insertCreditLossRecovery,
  insertPayment,
  invoiceSettledCents,
  listPayments,
  markPaymentAllocated,
  markPaymentReversed,
  markPaymentUnmatched,
  Payment,
  paymentFileId,
  PaymentSource,
  type PaymentStatus,
  recordPaymentFile,
  reversalCandidates,
  recoveredCents,
  recoveriesOfPayments,
  unmatchedPayments,
} from './payment.queries';
import { findReversalByExternalId, insertReversal, listReversals, type PaymentReversal, type ReversalStatus } from './payment-reversal.queries';
import {
  approveRefundProposal,
  refundPreparers,
  CreditBalance,
  creditBalances,
  creditBalancesOfPayments,
  insertCreditWithRefundProposal,
  RefundProposal,
  refundProposals,
  refundProposalsOf,
  reverseCreditOfPayment,
} from './credit-balance.queries';
import { paymentDelivery, paymentDeliveryKey, reversedPaymentId } from './payment-delivery';
import type { CreditBalanceQuery, ListPaymentsQuery, RecordPaymentDto, RefundProposalQuery, ReversalsQuery } from './payments.dto';
import type { ImportSummaryView, PaymentDetails } from './payment.view';

/** Who automatic matching acts as, in allocations and logs. */
export const SYSTEM_ACTOR = 'system:payments';

/** One referred document of a payment's remittance, as the payer wrote it. */
interface NamedDocument {
  /** A creditor reference as given (FI viite, RF, SE OCR). */
  reference: string | null;
  /** An invoice or credit note number (`RfrdDocInf/Nb`) and its type (CINV, CREN). */
  number: { text: string; type: string | null } | null;
  remittedCents: number | null;
  creditNoteCents: number | null;
}

interface IncomingPayment {
  source: PaymentSource;
  externalId: string;
  account: string | null;
  amountCents: number;
  currency: Currency;
  bookingDate: string;
  valueDate: string | null;
  payerPaymentDate: string | null;
  documents: NamedDocument[];
  /** The free-text message, tried as a reference when no document is named. */
  lines: string[];
  /** References and document numbers as given, in file order. */
  references: string[];
  endToEndId: string | null;
  transactionId: string | null;
  uetr: string | null;
  debtorName: string | null;
  /** Set when the file itself repeats the payment's id: it waits for a person whatever it names. */
  repeatsExternalId: string | null;
}

interface Received {
  externalId: string;
  amountCents: number;
  /** Null when the payment had been recorded before. */
  paymentId: string | null;
  status: PaymentStatus | 'duplicate';
  unmatchedReason: string | null;
  creditCents: number;
  allocationIds: string[];
}

interface ReversalOutcome {
  externalId: string;
  amountCents: number;
  reversalId: string | null;
  status: ReversalStatus | 'duplicate';
  reversesPaymentId: string | null;
  note: string | null;
  allocationIds: string[];
  /** Paid invoices the reversal reopened: their lifecycles start again after the commit. */
  reopenedInvoiceIds: string[];
}

/**
 * Receives payments and puts them on invoices by what their remittance names. Everything a
 * payment or a reversal changes (the payment, its allocations, a credit balance, a refund
 * proposal) is written in one transaction together with the lifecycle signals in the signal
 * outbox (ADR 0008); they are sent right after the commit, so a failed signal is retried and
 * never lost.
 */
@Injectable()
export class PaymentsService {
  constructor(
    private readonly db: Database,
    private readonly outbox: SignalOutbox,
    private readonly invoices: InvoicesService,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  /** One payment from a caller; the same externalId again answers the payment already recorded. */
  async record(dto: RecordPaymentDto, actor: string): Promise<{ details: PaymentDetails; created: boolean }> {
    const organisation = await this.db.read((tx) => organisationFromBody(tx, dto.organisationId));
    const amount = Money.parse(dto.amount, dto.currency, 'amount');
    if (!amount.isPositive()) throw new DomainValidationError('must be more than zero', 'amount');
    const paidOn = parseLocalDate(dto.paidOn, 'paidOn');
    if (dto.externalId.trim() === '') throw new DomainValidationError('must not be blank', 'externalId');
    const reference = dto.reference.trim() || null;
    const incoming: IncomingPayment = {
      source: 'rest',
      externalId: dto.externalId.trim(),
      account: null,
      amountCents: amount.minorUnits,
      currency: dto.currency,
      bookingDate: paidOn,
      valueDate: paidOn,
      payerPaymentDate: null,
      documents: reference ? [{ reference, number: null, remittedCents: null, creditNoteCents: null }] : [],
      lines: [],
      references: reference ? [reference] : [],
      endToEndId: null,
      transactionId: null,
      uetr: null,
      debtorName: dto.debtorName?.trim() || null,
      repeatsExternalId: null,
    };

    const [received] = await this.db.transaction((tx) => receive(tx, this.outbox, organisation, [incoming], actor, null));
    if (received.paymentId === null) {
      const existing = await this.db.read((tx) => findPaymentByExternalId(tx, organisation.id, 'rest', incoming.externalId));
      if (!existing) throw new Error(`payment ${incoming.externalId} was recorded and is gone`);
      const same =
        existing.amountCents === incoming.amountCents &&
        existing.currency === incoming.currency &&
        existing.bookingDate === incoming.bookingDate &&
        (existing.reference ?? '') === (reference ?? '');
      if (!same) {
        throw conflict(
          `externalId ${incoming.externalId} already records a different payment`,
          'externalId',
          'already records a different payment (amount, currency, date or reference differ)',
        );
      }
      return { details: await this.get(existing.id), created: false };
    }
    await this.outbox.deliverSoon(received.allocationIds.map(paymentDeliveryKey));
    this.logger.info({ paymentId: received.paymentId, organisationId: organisation.id, status: received.status }, 'payment recorded');
    return { details: await this.get(received.paymentId), created: true };
  }

  /**
   * Imports a camt.054 notification for the organisation the caller names. Every transaction
   * ends as a payment, a reversal or an ignored item with its reason (libs/iso20022), and the
   * answer lists all three. The file is recorded once per receiving accounts and message id: a
   * second import of the same message reports every payment and reversal as a duplicate without
   * touching anything, and a transaction that reappears in another file is a duplicate by its
   * external id (the same facts) or waits for a person (different facts under the same id).
   */
  async importCamt054(organisationId: string, xml: string, actor: string): Promise<ImportSummaryView> {
    const organisation = await this.db.read((tx) => organisationFromBody(tx, organisationId));
    const notification = parseCamt054(xml, { timeZone: organisation.timeZone });
    refuseOtherAccounts(organisation, notification.accounts);
    const ignored: IgnoredItem[] = notification.ignored.map((item) => ({ amount: item.amount.value, currency: item.amount.currency, at: item.at, reason: item.reason }));
    const foreign = (currency: string, at: string, amount: string) => {
      if (currency === organisation.currency) return false;
      ignored.push({ amount, currency, at, reason: `In ${currency}, which the organisation does not take (its invoices are in ${organisation.currency}): for the finance centre to handle outside client fees` });
      return true;
    };
    const incoming = notification.payments.filter((payment) => !foreign(payment.amount.currency, payment.at, payment.amount.value)).map(incomingOf);
    const reversals = notification.reversals.filter((reversal) => !foreign(reversal.amount.currency, reversal.at, reversal.amount.value));
    const accounts = notification.accounts.join(',');
    const contentSha256 = createHash('sha256').update(xml).digest('hex');

    const outcome = await this.db.transaction(async (tx) => {
      const file = {
        id: randomUUID(),
        organisationId: organisation.id,
        accounts,
        messageId: notification.messageId,
        contentSha256,
        schema: notification.version,
        paymentCount: incoming.length,
        reversalCount: reversals.length,
        ignored,
        importedBy: actor,
      };
      if (!(await recordPaymentFile(tx, file))) return { fileId: await paymentFileId(tx, file), received: null, reversed: null };
      const received = await receive(tx, this.outbox, organisation, incoming, actor, file.id);
      const reversed: ReversalOutcome[] = [];
      for (const reversal of reversals) reversed.push(await reverse(tx, this.outbox, organisation, reversal, file, actor));
      return { fileId: file.id, received, reversed };
    });

    const received = outcome.received ?? incoming.map((payment) => duplicateOf(payment.externalId, payment.amountCents));
    const reversed =
      outcome.reversed ??
      reversals.map((reversal) => ({
        externalId: reversal.externalId,
        amountCents: cents(reversal.amount),
        reversalId: null,
        status: 'duplicate' as const,
        reversesPaymentId: null,
        note: null,
        allocationIds: [],
        reopenedInvoiceIds: [],
      }));
    await this.resumeLifecycles(reversed.flatMap((r) => r.reopenedInvoiceIds));
    await this.outbox.deliverSoon([...received.flatMap((r) => r.allocationIds), ...reversed.flatMap((r) => r.allocationIds)].map(paymentDeliveryKey));
    const summary = importSummary(outcome.fileId, notification.messageId, notification.version, notification.accounts, organisation.currency, received, reversed, ignored);
    const { payments: _p, reversals: _r, ignored: _i, ...counts } = summary;
    this.logger.info({ organisationId, ...counts }, outcome.received ? 'camt.054 message imported' : 'camt.054 message imported before; nothing changed');
    return summary;
  }

  /**
   * Starts the lifecycles of the invoices a reversal reopened, right after the commit. One that
   * cannot be started now (Temporal away, the ended run still closing) is started by the lifecycle
   * starter, which takes up every invoice whose lifecycle is not started; the import stands.
   */
  private async resumeLifecycles(invoiceIds: readonly string[]): Promise<void> {
    for (const invoiceId of invoiceIds) {
      try {
        const invoice = await this.db.read((tx) => findInvoice(tx, invoiceId));
        if (invoice) await this.invoices.startLifecycle(invoice);
      } catch (error) {
        this.logger.warn({ err: error, invoiceId }, 'reopened invoice’s lifecycle not resumed yet; the lifecycle starter retries');
      }
    }
  }

  /** The finance centre puts an unmatched payment on an invoice; allocated and signalled as if matched. */
  async allocateManually(paymentId: string, invoiceId: string, actor: string): Promise<PaymentDetails> {
    const allocated = await this.db.transaction(async (tx) => {
      const payment = await findPayment(tx, paymentId, { lock: true });
      if (!payment) throw new NotFoundException(`no payment ${paymentId}`);
      if (payment.status !== 'unmatched') {
        throw conflict(`payment ${paymentId} is already ${payment.status}`, 'paymentId', `only an unmatched payment can be allocated by hand; this one is ${payment.status}`);
      }
      const invoice = await findInvoice(tx, invoiceId, { lock: true });
      if (!invoice || invoice.organisationId !== payment.organisationId) {
        throw new DomainValidationError('no invoice with this id in the payment’s organisation', 'invoiceId');
      }
      if (invoice.currency !== payment.currency) {
        throw new DomainValidationError(`the invoice is in ${invoice.currency}, the payment in ${payment.currency}`, 'invoiceId');
      }
      const open = await openCents(tx, invoice);
      const plan = planRemittanceAllocation(payment.amountCents, [{ label: `invoice ${invoice.invoiceNumber}`, remittedCents: null, creditNoteCents: null, match: { kind: 'invoice', invoiceId: invoice.id, openCents: open } }]);
      return applyPlan(tx, this.outbox, payment, plan, new Map([[invoice.id, invoice]]), actor);
    });
    await this.outbox.deliverSoon(allocated.allocationIds.map(paymentDeliveryKey));
    this.logger.info({ paymentId, invoiceId, actor }, 'unmatched payment allocated by hand');
    return this.get(paymentId);
  }

  async get(id: string): Promise<PaymentDetails> {
    return this.db.read(async (tx) => {
      const payment = await findPayment(tx, id);
      if (!payment) throw new NotFoundException(`no payment ${id}`);
      return (await details(tx, this.outbox, [payment]))[0];
    });
  }

  list(query: ListPaymentsQuery): Promise<PaymentDetails[]> {
    return this.db.read(async (tx) => details(tx, this.outbox, await listPayments(tx, query)));
  }

  /** The organisation's bank reversals, oldest first; `unresolved` ones wait for a person. */
  reversals(query: ReversalsQuery): Promise<PaymentReversal[]> {
    return this.db.read((tx) => listReversals(tx, { organisationId: query.organisationId, status: query.status, limit: query.limit }));
  }

  /** The finance centre's queue, oldest first. */
  unmatched(organisationId: string): Promise<PaymentDetails[]> {
    return this.db.read(async (tx) => details(tx, this.outbox, await unmatchedPayments(tx, organisationId)));
  }

  creditBalances(query: CreditBalanceQuery): Promise<{ credits: CreditBalance[]; refunds: RefundProposal[] }> {
    return this.db.read(async (tx) => {
      const credits = await creditBalances(tx, { organisationId: query.organisationId, clientNumber: query.clientNumber || undefined });
      const refunds = credits.length ? await refundProposalsOf(tx, { creditBalanceIds: credits.map((credit) => credit.id) }) : [];
      return { credits, refunds };
    });
  }

  refundProposals(query: RefundProposalQuery): Promise<RefundProposal[]> {
    return this.db.read((tx) => refundProposals(tx, query));
  }

  /** Approving twice keeps the first approval: the decision is recorded, no money moves here. */
  /** Four eyes: the refund is approved by another person than the one who recorded or allocated the payment. */
  async approveRefund(id: string, actor: string): Promise<RefundProposal> {
    const proposal = await this.db.transaction(async (tx) => {
      const preparers = await refundPreparers(tx, id);
      if (!preparers) return null;
      const own = secondPersonRefusal(actor, 'approve the refund', [
        { actor: preparers.recordedBy, act: 'recorded the payment' },
        ...preparers.allocatedBy.map((allocator) => ({ actor: allocator, act: 'allocated it' })),
      ]);
      if (own) throw new RuleRefusal('four-eyes', own, 'approver');
      return approveRefundProposal(tx, id, actor);
    });
    if (!proposal) throw new NotFoundException(`no refund proposal ${id}`);
    if (proposal.status === 'withdrawn') throw conflict(`refund proposal ${id} was withdrawn`, 'id', 'withdrawn: the bank took the payment behind it back');
    return proposal;
  }
}

/**
 * A bank file reports on receiving accounts (`Ntfctn/Acct`); money on an account that is not the
 * organisation's is not its clients' payments, so the file is refused whole (400) before anything
 * is recorded: imported under the wrong organisation, it would pay that organisation's invoices.
 */
function refuseOtherAccounts(organisation: Organisation, accounts: readonly string[]): void {
  const field = 'Document/BkToCstmrDbtCdtNtfctn/Ntfctn/Acct/Id';
  if (accounts.length === 0) throw new DomainValidationError('missing: the file names no receiving account', field);
  const others = accounts.filter((account) => !organisation.bankAccounts.includes(account));
  if (others.length === 0) return;
  const registered = organisation.bankAccounts.length > 0 ? `its accounts are ${organisation.bankAccounts.join(', ')}` : 'it has registered none (PUT /organisations/{id} with bankAccounts)';
  throw new DomainValidationError(`${others.join(', ')} is not an account of organisation ${organisation.id} (${registered}): the file is for another account holder`, field);
}

/**
 * Records the payments that are new and puts each on the invoices its remittance names. The
 * candidate invoices are locked first, in id order, so that concurrent imports touching the
 * same invoices queue instead of deadlocking, and an invoice's open amount cannot be taken twice.
 */
async function receive(tx: Tx, outbox: SignalOutbox, organisation: Organisation, incoming: IncomingPayment[], actor: string, fileId: string | null): Promise<Received[]> {
  const named = incoming.map((payment) => nameDocuments(payment, organisation.country));
  const references = [...new Set(named.flatMap((documents) => documents.flatMap((document) => (document.reference ? [document.reference] : []))))];
  const numbers = [...new Set(named.flatMap((documents) => documents.flatMap((document) => (document.number !== null ? [document.number] : []))))];
  const invoices = await lockInvoicesNamed(tx, organisation.id, { references, numbers });
  const byReference = new Map<string, Invoice>();
  const byNumber = new Map<number, Invoice>();
  const byId = new Map<string, Invoice>();
  for (const invoice of invoices) {
    byReference.set(invoice.paymentReference, invoice);
    if (invoice.paymentReferenceInternational) byReference.set(invoice.paymentReferenceInternational, invoice);
    byNumber.set(Number(invoice.invoiceNumber), invoice);
    byId.set(invoice.id, invoice);
  }
  const creditNotes = new Map((await creditNotesByNumber(tx, organisation.id, numbers)).map((note) => [note.creditNoteNumber, note]));

  // Inserted in external-id order so that two files sharing entries take the unique-key locks
  // in the same order.
  const ids: Array<string | null> = new Array(incoming.length).fill(null);
  const repeated: Array<string | null> = new Array(incoming.length).fill(null);
  const order = incoming.map((_, i) => i).sort((a, b) => (incoming[a].externalId < incoming[b].externalId ? -1 : incoming[a].externalId > incoming[b].externalId ? 1 : a - b));
  for (const i of order) {
    const payment = incoming[i];
    const normalised = named[i].flatMap((document) => (document.reference ? [document.reference] : []));
    const row = { organisationId: organisation.id, ...payment, fileId, normalisedReference: normalised[0] ?? null, normalisedReferences: normalised, reference: payment.references[0] ?? null, unmatchedReason: null, createdBy: actor };
    const id = randomUUID();
    if (await insertPayment(tx, { id, ...row })) {
      ids[i] = id;
      continue;
    }
    if (payment.source !== 'camt054') continue;
    // The id is known: the same facts are the bank sending the payment again; different facts are
    // a second payment under a colliding id, recorded under an id of its own and held for a person.
    const existing = await findPaymentByExternalId(tx, organisation.id, 'camt054', payment.externalId);
    const difference = existing && repeatedIdDifference(reported(existing), reported(payment));
    if (!existing || difference === null) continue;
    const ownId = `${payment.externalId}@${fileId}`;
    if (await insertPayment(tx, { id, ...row, externalId: ownId })) {
      ids[i] = id;
      repeated[i] = `its id ${payment.externalId} was recorded before for a different payment (${difference} differ): a person checks whether it is a second payment`;
    }
  }

  // Allocated in file order: when one file pays the same invoice twice, the earlier payment
  // takes the open amount first.
  const received: Received[] = [];
  for (const [i, payment] of incoming.entries()) {
    const paymentId = ids[i];
    if (paymentId === null) {
      received.push(duplicateOf(payment.externalId, payment.amountCents));
      continue;
    }
    const held = repeated[i] ?? (payment.repeatsExternalId ? `the file reports the id ${payment.repeatsExternalId} twice: a person checks whether this is a second payment` : null);
    let plan: AllocationPlan;
    if (held) plan = { kind: 'unmatched', reason: held };
    else if (named[i].length === 0) plan = { kind: 'unmatched', reason: noReferenceReason(payment.lines) };
    else {
      const documents: RemittedDocument[] = [];
      for (const document of named[i]) documents.push({ ...document, match: await matchDocument(tx, document, payment.currency, { byReference, byNumber, creditNotes }, organisation.country) });
      plan = planRemittanceAllocation(payment.amountCents, documents);
    }
    const paidOn = payment.payerPaymentDate ?? payment.valueDate ?? payment.bookingDate;
    const applied = await applyPlan(tx, outbox, { id: paymentId, amountCents: payment.amountCents, currency: payment.currency, paidOn }, plan, byId, SYSTEM_ACTOR);
    received.push({ externalId: payment.externalId, amountCents: payment.amountCents, paymentId, ...applied });
  }
  return received;
}

interface NamedReference {
  label: string;
  /** The normalised reference, when the payer gave a valid one. */
  reference: string | null;
  /** The series number a document number (or a credit note's reference) names. */
  number: number | null;
  creditNoteOnly: boolean;
  problem: string | null;
  remittedCents: number | null;
  creditNoteCents: number | null;
}

/** The documents a payment names: its structured remittance, else a reference typed in the message. */
function nameDocuments(payment: IncomingPayment, country: Country): NamedReference[] {
  const given: NamedDocument[] = payment.documents.length > 0 ? payment.documents : [];
  if (given.length === 0) {
    const typed = referenceInMessage(payment.lines);
    if (typed) given.push({ reference: typed, number: null, remittedCents: null, creditNoteCents: null });
  }
  return given.map((document) => {
    const amounts = { remittedCents: document.remittedCents, creditNoteCents: document.creditNoteCents };
    if (document.reference) {
      const label = `reference ${document.reference}`;
      const normalised = normalisePaymentReference(document.reference, country);
      if (!normalised.valid) return { label, reference: null, number: null, creditNoteOnly: false, problem: normalised.problem, ...amounts };
      return { label, reference: normalised.value, number: seriesNumberOfReference(country, normalised.value), creditNoteOnly: false, problem: null, ...amounts };
    }
    const text = document.number?.text ?? '';
    const creditNoteOnly = document.number?.type === 'CREN';
    const label = `${creditNoteOnly ? 'credit note' : 'invoice'} number ${text}`;
    const number = seriesNumberOfDocument(text);
    return { label, reference: null, number, creditNoteOnly, problem: number === null ? 'not a number of the organisation’s invoice series' : null, ...amounts };
  });
}

async function matchDocument(
  tx: Tx,
  document: NamedReference,
  currency: Currency,
  found: { byReference: Map<string, Invoice>; byNumber: Map<number, Invoice>; creditNotes: Map<number, { id: string; invoiceId: string }> },
  country: Country,
): Promise<DocumentMatch> {
  if (document.problem) return { kind: 'none', problem: document.problem };
  const invoice = document.reference ? found.byReference.get(document.reference) : document.number !== null && !document.creditNoteOnly ? found.byNumber.get(document.number) : undefined;
  if (invoice) {
    if (invoice.currency !== currency) return { kind: 'none', problem: `the invoice is in ${invoice.currency}, the payment in ${currency}` };
    return { kind: 'invoice', invoiceId: invoice.id, openCents: await openCents(tx, invoice) };
  }
  const creditNote = document.number !== null ? found.creditNotes.get(document.number) : undefined;
  if (creditNote) return { kind: 'credit-note', creditNoteId: creditNote.id, invoiceId: creditNote.invoiceId };
  const what = document.reference ? 'reference' : 'number';
  return { kind: 'none', problem: `no invoice or credit note of the organisation has this ${what}${country === 'SE' && document.reference ? ' (OCR)' : ''}` };
}

/** The changes a plan makes: allocations, a credit balance with its refund proposal, the payment's status. */
async function applyPlan(
  tx: Tx,
  outbox: SignalOutbox,
  payment: Pick<Payment, 'id' | 'amountCents' | 'currency' | 'paidOn'>,
  plan: AllocationPlan,
  invoices: Map<string, Invoice>,
  actor: string,
): Promise<Pick<Received, 'status' | 'unmatchedReason' | 'creditCents' | 'allocationIds'>> {
  if (plan.kind === 'unmatched') {
    await markPaymentUnmatched(tx, payment.id, plan.reason);
    return { status: 'unmatched', unmatchedReason: plan.reason, creditCents: 0, allocationIds: [] };
  }
  const allocationIds: string[] = [];
  for (const allocation of plan.allocations) {
    const id = randomUUID();
    await insertAllocation(tx, { id, paymentId: payment.id, invoiceId: allocation.invoiceId, amountCents: allocation.cents, allocatedBy: actor });
    await outbox.enqueue(tx, paymentDelivery({ id, invoiceId: allocation.invoiceId, amountCents: allocation.cents }, payment));
    allocationIds.push(id);
  }
  let recoveredCents = 0;
  let creditCents = 0;
  if (plan.excess) {
    const invoice = invoices.get(plan.excess.invoiceId)!;
    // Paid to a written-off invoice: up to what was written off (and not recovered yet), a
    // recovered credit loss on the invoice's timeline, not money to pay back (libs/domain).
    ({ recoveredCents, creditCents } = bookExcessPayment({ state: invoice.state, excessCents: plan.excess.cents, ...(await writeOffOf(tx, invoice)) }));
    if (recoveredCents > 0) {
      const amount = Money.ofMinor(recoveredCents, payment.currency).toDecimalString();
      await insertCreditLossRecovery(tx, { id: randomUUID(), organisationId: invoice.organisationId, paymentId: payment.id, invoiceId: invoice.id, amountCents: recoveredCents, currency: payment.currency, recordedBy: actor });
      await recordInvoiceEvent(tx, { invoiceId: invoice.id, state: 'written-off', actor, reason: `recovered credit loss of ${amount}: payment ${payment.id}` }, null);
    }
    if (creditCents > 0) {
      await insertCreditWithRefundProposal(tx, {
        creditBalanceId: randomUUID(),
        refundProposalId: randomUUID(),
        organisationId: invoice.organisationId,
        clientNumber: invoice.clientNumber,
        amountCents: creditCents,
        currency: payment.currency,
        paymentId: payment.id,
        invoiceId: invoice.id,
      });
    }
  }
  const status: PaymentStatus = recoveredCents > 0 ? 'credit-loss-recovered' : creditCents > 0 ? 'refund-proposed' : 'allocated';
  await markPaymentAllocated(tx, payment.id, plan.allocations[0]?.invoiceId ?? plan.excess!.invoiceId, status, plan.settledCreditNotes);
  return { status, unmatchedReason: null, creditCents, allocationIds };
}

/**
 * What a written-off invoice's write-off came to (its total less credit notes and allocations)
 * and what payments have recovered of it so far; nothing for an invoice not written off.
 */
async function writeOffOf(tx: Tx, invoice: Invoice): Promise<{ writtenOffCents: number; recoveredBeforeCents: number }> {
  if (invoice.state !== 'written-off') return { writtenOffCents: 0, recoveredBeforeCents: 0 };
  const { allocated, credited } = await invoiceSettledCents(tx, invoice.id);
  return { writtenOffCents: Math.max(0, invoice.totalCents - credited - allocated), recoveredBeforeCents: await recoveredCents(tx, invoice.id) };
}

/**
 * What an invoice still has open: the total less credit notes and allocations (reversals'
 * negative rows included), not the workflow's count, because allocations made a moment ago may
 * not have reached the workflow yet. A closed invoice has nothing open whatever the allocations
 * say: it may have been settled outside this service (the agency's report), and its lifecycle
 * would not count the money anyway.
 */
async function openCents(tx: Tx, invoice: Invoice): Promise<number> {
  if (isClosedInvoiceState(invoice.state)) return 0;
  const { allocated, credited } = await invoiceSettledCents(tx, invoice.id);
  return Math.max(0, invoice.totalCents - credited - allocated);
}

/**
 * Takes a payment back as the bank did: finds the original (libs/domain `chooseReversalOriginal`)
 * and undoes it by rows of its own (negative allocations, signalled to the invoices' lifecycles
 * like any allocation; the credit it left, with its refund proposal withdrawn). One it cannot
 * find is recorded `unresolved` with the reason, for a person.
 */
async function reverse(
  tx: Tx,
  outbox: SignalOutbox,
  organisation: Organisation,
  reversal: Camt054Reversal,
  file: { id: string; messageId: string },
  actor: string,
): Promise<ReversalOutcome> {
  const fileId = file.id;
  const amountCents = cents(reversal.amount);
  const outcome = { externalId: reversal.externalId, amountCents };
  if (await findReversalByExternalId(tx, organisation.id, reversal.externalId)) {
    return { ...outcome, reversalId: null, status: 'duplicate', reversesPaymentId: null, note: null, allocationIds: [], reopenedInvoiceIds: [] };
  }
  const references = normalisedReferences(reversal.references, organisation.country);
  const facts: ReversalFacts = {
    account: reversal.account,
    amountCents,
    currency: reversal.amount.currency,
    bookingDate: reversal.bookingDate,
    reversesExternalId: reversal.reversesExternalId,
    endToEndId: reversal.refs.endToEndId,
    transactionId: reversal.refs.transactionId,
    uetr: reversal.refs.uetr,
    references,
  };
  const candidates = await reversalCandidates(tx, {
    organisationId: organisation.id,
    ...facts,
    from: addDays(reversal.bookingDate, -REVERSAL_WINDOW_DAYS),
    to: reversal.bookingDate,
  });
  const choice = chooseReversalOriginal(
    facts,
    candidates.map((payment) => ({
      paymentId: payment.id,
      externalId: payment.externalId,
      account: payment.account,
      amountCents: payment.amountCents,
      currency: payment.currency,
      bookingDate: payment.bookingDate,
      endToEndId: payment.endToEndId,
      transactionId: payment.transactionId,
      uetr: payment.uetr,
      references: payment.normalisedReferences,
      reversed: payment.status === 'reversed',
    })),
  );
  const original = choice.kind === 'found' ? candidates.find((payment) => payment.id === choice.paymentId)! : null;
  if (original && original.amountCents !== amountCents) {
    // Found by the bank's ids but for another amount: a partial return is for a person.
    return record(null, `the reversal names payment ${original.externalId} of ${original.amountCents} cents but takes back ${amountCents}: a person settles the difference`);
  }
  return original ? record(original, null) : record(null, choice.kind === 'not-found' ? choice.reason : null);

  async function record(payment: Payment | null, reason: string | null): Promise<ReversalOutcome> {
    const id = randomUUID();
    const source = { externalId: reversal.externalId, fileId, messageId: file.messageId };
    const undone = payment ? await undo(tx, outbox, organisation, payment, source, actor) : { allocationIds: [], note: null, reopenedInvoiceIds: [] };
    const note = reason ?? undone.note;
    const inserted = await insertReversal(tx, {
      id,
      organisationId: organisation.id,
      fileId,
      externalId: reversal.externalId,
      account: reversal.account,
      amountCents,
      currency: reversal.amount.currency as Currency,
      bookingDate: reversal.bookingDate,
      references,
      returnReason: reversal.returnReason,
      reversesPaymentId: payment?.id ?? null,
      foundBy: payment && choice.kind === 'found' ? choice.by : null,
      status: payment ? 'applied' : 'unresolved',
      note,
      createdBy: actor,
    });
    if (!inserted) throw new Error(`reversal ${reversal.externalId} was recorded concurrently`);
    return {
      ...outcome,
      reversalId: id,
      status: payment ? 'applied' : 'unresolved',
      reversesPaymentId: payment?.id ?? null,
      note,
      allocationIds: undone.allocationIds,
      reopenedInvoiceIds: undone.reopenedInvoiceIds,
    };
  }
}

/** Where the reversal came from, for the grounds recorded on a reopened invoice. */
interface ReversalSource {
  externalId: string;
  fileId: string;
  messageId: string;
}

/**
 * Undoes a payment's allocations and credit; says what a person must still do, if anything, and
 * which invoices it reopened. A paid invoice the reversal leaves with something open is reopened
 * (libs/domain `reopeningAfterReversal`: issued, partially paid or overdue by the calendar), the
 * reopening recorded on its timeline with the reversal and its file as grounds, and its lifecycle
 * is to be started again from there (`lifecycle_resumption`). A credited, waived or written-off
 * invoice stays closed, for a person.
 */
async function undo(
  tx: Tx,
  outbox: SignalOutbox,
  organisation: Organisation,
  payment: Payment,
  source: ReversalSource,
  actor: string,
): Promise<{ allocationIds: string[]; note: string | null; reopenedInvoiceIds: string[] }> {
  const notes: string[] = [];
  const allocationIds: string[] = [];
  const taken = (await allocationsOfPayments(tx, [payment.id])).filter((allocation) => allocation.reversesAllocationId === null);
  // The invoices are locked before their allocations change (a payment to them at the same time waits).
  const invoices = new Map<string, Invoice>();
  for (const invoiceId of [...new Set(taken.map((allocation) => allocation.invoiceId))].sort()) {
    const invoice = await findInvoice(tx, invoiceId, { lock: true });
    if (invoice) invoices.set(invoiceId, invoice);
  }
  for (const allocation of taken) {
    const id = randomUUID();
    await insertAllocation(tx, { id, paymentId: payment.id, invoiceId: allocation.invoiceId, amountCents: -allocation.amountCents, allocatedBy: actor, reversesAllocationId: allocation.id });
    await outbox.enqueue(tx, paymentDelivery({ id, invoiceId: allocation.invoiceId, amountCents: -allocation.amountCents, reversesAllocationId: allocation.id }, payment));
    allocationIds.push(id);
  }
  const reopenedInvoiceIds: string[] = [];
  const today = localDateInZone(Date.now(), organisation.timeZone);
  for (const invoice of invoices.values()) {
    const { allocated, credited } = await invoiceSettledCents(tx, invoice.id);
    const reopening = reopeningAfterReversal({ state: invoice.state, dueDate: invoice.dueDate, today, totalCents: invoice.totalCents, creditedCents: credited, allocatedCents: allocated });
    if (reopening.kind === 'for-a-person') notes.push(`invoice ${invoice.invoiceNumber}: ${reopening.reason}`);
    if (reopening.kind !== 'reopen') continue;
    const open = Money.ofMinor(reopening.openCents, invoice.currency).toDecimalString();
    const grounds = `reopened: the bank took back payment ${payment.externalId} (reversal ${source.externalId} in bank file ${source.messageId}, file ${source.fileId}); ${open} open again, its lifecycle resumes`;
    await recordInvoiceEvent(tx, { invoiceId: invoice.id, state: reopening.state, actor, reason: grounds }, null);
    const counted = await allocationsOfInvoice(tx, invoice.id);
    await markLifecycleToResume(tx, invoice.id, {
      state: reopening.state,
      paidCents: allocated,
      creditedCents: credited,
      countedPaymentIds: [...new Set(counted.map((allocation) => (allocation.reversesAllocationId ? reversedPaymentId(allocation.paymentId) : allocation.paymentId)))],
      grounds,
    });
    reopenedInvoiceIds.push(invoice.id);
  }
  for (const recovery of await recoveriesOfPayments(tx, [payment.id])) {
    const invoice = await findInvoice(tx, recovery.invoiceId);
    notes.push(`the payment had recovered ${recovery.amountCents} cents of the credit loss of invoice ${invoice?.invoiceNumber ?? recovery.invoiceId}, which stays written off: a person corrects the recovery`);
  }
  const credit = await reverseCreditOfPayment(tx, payment.id, randomUUID());
  if (credit.approvedRefundId) notes.push(`the payment's excess of ${credit.cents} cents was approved for refund (proposal ${credit.approvedRefundId}): a person recovers it`);
  await markPaymentReversed(tx, payment.id);
  return { allocationIds, note: notes.length > 0 ? notes.join('; ') : null, reopenedInvoiceIds };
}

function normalisedReferences(references: readonly string[], country: Country): string[] {
  return references.flatMap((reference) => {
    const normalised = normalisePaymentReference(reference, country);
    return normalised.valid ? [normalised.value] : [];
  });
}

function reported(payment: Pick<Payment, 'amountCents' | 'currency' | 'bookingDate' | 'debtorName' | 'references'>): ReportedPayment {
  return { amountCents: payment.amountCents, currency: payment.currency, bookingDate: payment.bookingDate, debtorName: payment.debtorName, references: payment.references };
}

function cents(amount: { value: string; currency: string }): number {
  return Money.parse(amount.value, amount.currency as Currency, 'amount').minorUnits;
}

function incomingOf(payment: Camt054Payment): IncomingPayment {
  const money = (amount: { value: string; currency: string } | null) => (amount && amount.currency === payment.amount.currency ? cents(amount) : null);
  return {
    source: 'camt054',
    externalId: payment.externalId,
    account: payment.account,
    amountCents: cents(payment.amount),
    currency: payment.amount.currency as Currency,
    bookingDate: payment.bookingDate,
    valueDate: payment.valueDate,
    payerPaymentDate: payment.payerPaymentDate,
    documents: payment.remittance.documents.map((document) => ({
      reference: document.reference,
      number: document.documents[0] ? { text: document.documents[0].number, type: document.documents[0].type } : null,
      remittedCents: money(document.remitted),
      creditNoteCents: money(document.creditNote),
    })),
    lines: payment.remittance.lines,
    references: payment.references,
    endToEndId: payment.refs.endToEndId,
    transactionId: payment.refs.transactionId,
    uetr: payment.refs.uetr,
    debtorName: payment.debtorName,
    repeatsExternalId: payment.repeatsExternalId,
  };
}

function duplicateOf(externalId: string, amountCents: number): Received {
  return { externalId, amountCents, paymentId: null, status: 'duplicate', unmatchedReason: null, creditCents: 0, allocationIds: [] };
}

function importSummary(
  fileId: string,
  messageId: string,
  version: string,
  accounts: string[],
  currency: Currency,
  received: Received[],
  reversed: ReversalOutcome[],
  ignored: IgnoredItem[],
): ImportSummaryView {
  const amount = (value: number) => Money.ofMinor(value, currency).toDecimalString();
  const created = received.filter((r) => r.paymentId !== null);
  return {
    fileId,
    messageId,
    version,
    accounts,
    created: created.length,
    duplicates: received.length - created.length,
    allocated: created.filter((r) => r.status === 'allocated' || r.status === 'refund-proposed').length,
    unmatched: created.filter((r) => r.status === 'unmatched').length,
    creditBalanceCents: created.reduce((total, r) => total + r.creditCents, 0),
    reversalsApplied: reversed.filter((r) => r.status === 'applied').length,
    reversalsUnresolved: reversed.filter((r) => r.status === 'unresolved').length,
    payments: received.map((r) => ({ externalId: r.externalId, amount: amount(r.amountCents), paymentId: r.paymentId, status: r.status, unmatchedReason: r.unmatchedReason })),
    reversals: reversed.map((r) => ({ externalId: r.externalId, amount: amount(r.amountCents), reversalId: r.reversalId, status: r.status, reversesPaymentId: r.reversesPaymentId, note: r.note })),
    ignored: ignored.map((item) => ({ ...item })),
  };
}

/** Each payment with its allocations (and their signals), and the credit and refund proposal its excess made. */
async function details(tx: Tx, outbox: SignalOutbox, payments: Payment[]): Promise<PaymentDetails[]> {
  if (payments.length === 0) return [];
  const ids = payments.map((payment) => payment.id);
  const [allocations, credits, refunds, recoveries] = await Promise.all([
    allocationsOfPayments(tx, ids),
    creditBalancesOfPayments(tx, ids),
    refundProposalsOf(tx, { paymentIds: ids }),
    recoveriesOfPayments(tx, ids),
  ]);
  const signals = await outbox.deliveries(tx, allocations.map((allocation) => paymentDeliveryKey(allocation.id)));
  const deliveries = new Map(allocations.flatMap((allocation) => {
    const delivery = signals.get(paymentDeliveryKey(allocation.id));
    return delivery ? [[allocation.id, delivery] as const] : [];
  }));
  return payments.map((payment) => ({
    payment,
    recoveredCents: recoveries.find((recovery) => recovery.paymentId === payment.id)?.amountCents ?? null,
    allocations: allocations.filter((allocation) => allocation.paymentId === payment.id),
    deliveries,
    credit: credits.find((credit) => credit.paymentId === payment.id) ?? null,
    refund: refunds.find((refund) => refund.paymentId === payment.id) ?? null,
  }));
}
