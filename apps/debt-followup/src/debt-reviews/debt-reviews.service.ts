import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { latestMonthEnd, letterLanguage, localDateInZone, Money, reviewDebtCase, DebtCaseReview, FinanceNotice, OpenDebtCaseMemory, Country, Currency } from '@clientfees/domain';
import {
  DebtListPage,
  DebtListRequest,
  DebtReviewOpened,
  DebtReviewSummary,
  MonthlyDebtReviewWorkflow,
  MonthlyDebtReviewInput,
  debtReviewWorkflowId,
} from '@clientfees/contracts';
import { Database, Tx } from '@clientfees/platform';
import { INVOICING_MESSAGES, InvoicingMessages } from '../common/invoicing-messages';
import { enqueueWorkflowStart } from '../common/workflow-start.queries';
import { WorkflowStarter } from '../common/workflow-starter';
import {
  appendDebtCaseEvents,
  closeDebtCasesWithoutClaims,
  countCasesWithFlag,
  DebtCase,
  insertDebtCases,
  NewDebtCaseEvent,
  openCasesByArea,
  openDebtCasesOf,
  ReviewedDebtCase,
  updateReviewedDebtCases,
} from '../debt-cases/debt-case.queries';
import { insertCaseworkerTasks } from '../caseworker-tasks/caseworker-task.queries';
import { addInboxItems, NewInboxItem } from '../inbox/inbox.queries';
import { countLettersOfReview, DebtLetter, insertLetters } from '../letters/debt-letter.queries';
import { requireSettings } from '../settings/settings.service';
import {
  batchClients,
  clientsWithCredit,
  completeReview,
  DebtReview,
  findReview,
  listReviews,
  markClientsReviewed,
  numberReviewBatches,
  openReview,
  ReviewClient,
  reviewEventCounts,
  reviewTotals,
  storeDebtListPage,
} from './debt-review.queries';

/** Clients reviewed in one transaction. */
export const REVIEW_BATCH_SIZE = 1000;
/** Claims a debt list page from invoicing holds (about 600 kB over TCP). */
export const DEBT_LIST_PAGE = 2500;
/** Pages one `readDebtList` activity reads: a retry reads at most these again. */
export const DEBT_LIST_PAGES_PER_READ = 8;
const SYSTEM = 'system:monthlyDebtReview';

/** What one batch's review writes, collected before it is written set-based. */
class BatchWrites {
  readonly newCases: ReviewedDebtCase[] = [];
  readonly updatedCases: ReviewedDebtCase[] = [];
  readonly events: NewDebtCaseEvent[] = [];
  readonly letters: Array<Omit<DebtLetter, 'createdAt'>> = [];
  readonly tasks: Array<{ id: string; debtCaseId: string; reviewId: string; organisationId: string; assignedTo: string | null }> = [];
  readonly inbox: NewInboxItem[] = [];
}

@Injectable()
export class DebtReviewsService {
  constructor(
    private readonly db: Database,
    private readonly starter: WorkflowStarter,
    @Inject(INVOICING_MESSAGES) private readonly invoicing: InvoicingMessages,
  ) {}

  /** A review started by hand (the Schedule starts the month's own on its last day). */
  async startReview(organisationId: string, monthEnd: string): Promise<{ workflowId: string }> {
    const workflowId = debtReviewWorkflowId(organisationId, monthEnd);
    const input: MonthlyDebtReviewInput = { organisationId, monthEnd };
    await this.db.transaction(async (tx) => {
      await requireSettings(tx, organisationId);
      await enqueueWorkflowStart(tx, { workflowId, workflowType: MonthlyDebtReviewWorkflow.workflowType, args: [input] });
    });
    await this.starter.startNow([workflowId]);
    return { workflowId };
  }

  async open(organisationId: string, monthEnd: string | undefined, nowMs: number): Promise<DebtReviewOpened> {
    return this.db.transaction(async (tx) => {
      const settings = await requireSettings(tx, organisationId);
      const review = await openReview(tx, organisationId, monthEnd ?? latestMonthEnd(localDateInZone(nowMs, settings.timeZone)));
      return { reviewId: review.id, monthEnd: review.monthEnd, completed: review.status === 'completed' };
    });
  }

  /**
   * Reads the debt list from invoicing into the review, from the claim after `after`, for at most
   * DEBT_LIST_PAGES_PER_READ pages: each page is fetched while the one before is stored. Answers
   * where the next read goes on (absent at the end of the list).
   */
  async readDebtList(input: { reviewId: string; organisationId: string; asOf: string; after?: string }): Promise<{ claims: number; nextAfter?: string }> {
    const page = (after: string | undefined) => {
      const request: DebtListRequest = { organisationId: input.organisationId, asOf: input.asOf, limit: DEBT_LIST_PAGE, ...(after ? { after } : {}) };
      return this.invoicing.debtList(request);
    };
    let claims = 0;
    let fetching: Promise<DebtListPage> | undefined = page(input.after);
    for (let pages = 1; fetching; pages++) {
      const current: DebtListPage = await fetching;
      const next = current.nextAfter;
      fetching = next && pages < DEBT_LIST_PAGES_PER_READ ? page(next) : undefined;
      // A failed store leaves the prefetch unobserved: it is caught here and the retry reads again.
      fetching?.catch(() => undefined);
      await this.storePage(input.reviewId, current);
      claims += current.claims.length;
      if (next && !fetching) return { claims, nextAfter: next };
    }
    return { claims };
  }

  storePage(reviewId: string, page: DebtListPage): Promise<void> {
    return this.db.transaction((tx) => storeDebtListPage(tx, reviewId, page));
  }

  numberBatches(reviewId: string): Promise<number> {
    return this.db.transaction((tx) => numberReviewBatches(tx, reviewId, REVIEW_BATCH_SIZE));
  }

  /**
   * Reviews each client of the batch by the month-end rule (`reviewDebtCase`) and writes what it
   * decides in one transaction: cases opened or carried on, the letters, the caseworkers' tasks,
   * the escalations and the finance office's notices. A batch already reviewed is skipped.
   */
  async reviewBatch(reviewId: string, batch: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      const review = (await findReview(tx, reviewId))!;
      const settings = await requireSettings(tx, review.organisationId);
      const clients = await batchClients(tx, reviewId, batch);
      if (clients.length === 0) return;
      const open = new Map((await openDebtCasesOf(tx, review.organisationId, clients.map((client) => client.clientId))).map((c) => [c.clientId, c]));
      const writes = new BatchWrites();
      for (const client of clients) {
        const openCase = open.get(client.clientId);
        const decision = reviewDebtCase({ claims: client.claims, status: client.status, openCase: openCase && memoryOf(openCase) });
        planClientReview(writes, { review, country: settings.country, currency: (review.currency ?? settings.currency) as Currency, client, openCase, decision });
      }
      await insertDebtCases(tx, writes.newCases);
      await updateReviewedDebtCases(tx, writes.updatedCases);
      await appendDebtCaseEvents(tx, writes.events);
      await insertLetters(tx, writes.letters);
      await insertCaseworkerTasks(tx, writes.tasks);
      await addInboxItems(tx, writes.inbox);
      await markClientsReviewed(tx, reviewId, batch);
    });
  }

  /**
   * Closes the cases whose clients have nothing unpaid any more, gives each unit manager the
   * month's list of their areas' cases and the fee officers the new cases nobody works on, and
   * sums the review up. Completing again returns the stored summary.
   */
  async complete(reviewId: string): Promise<DebtReviewSummary> {
    return this.db.transaction(async (tx) => {
      const review = (await findReview(tx, reviewId))!;
      if (review.status === 'completed' && review.summary) return review.summary;
      const closed = await closeDebtCasesWithoutClaims(tx, review.organisationId, reviewId, review.monthEnd);
      await appendDebtCaseEvents(
        tx,
        closed.map((id) => ({ debtCaseId: id, reviewId, kind: 'closed', actor: SYSTEM, grounds: `nothing unpaid on the debt list of ${review.monthEnd}` })),
      );
      await this.tellManagersAndOfficers(tx, review);
      const summary = await this.summarise(tx, review);
      await completeReview(tx, reviewId, summary);
      return summary;
    });
  }

  private async tellManagersAndOfficers(tx: Tx, review: DebtReview): Promise<void> {
    const money = (cents: number) => Money.ofMinor(cents, (review.currency ?? 'EUR') as Currency).toDecimalString();
    const items: NewInboxItem[] = (await openCasesByArea(tx, review.id)).map((area) => ({
      organisationId: review.organisationId,
      recipientRole: 'unit-manager',
      debitingArea: area.debitingArea,
      kind: 'unit-manager-list',
      subject: `Debt cases of ${area.debitingArea ?? 'clients without a debiting area'} at ${review.monthEnd}: ${area.cases}`,
      detail: { monthEnd: review.monthEnd, cases: area.cases, openAmount: money(area.openCents), handedOver: area.handedOver, escalated: area.escalated },
      reviewId: review.id,
      idempotencyKey: `unit-list:${review.id}:${area.debitingArea ?? '-'}`,
    }));
    const unattended = await countCasesWithFlag(tx, review.id, 'unattended');
    if (unattended > 0) {
      items.push({
        organisationId: review.organisationId,
        recipientRole: 'client-fee-officer',
        kind: 'unattended-cases',
        subject: `${unattended} debt case(s) nobody works on at ${review.monthEnd}`,
        detail: { monthEnd: review.monthEnd, cases: unattended },
        reviewId: review.id,
        idempotencyKey: `unattended:${review.id}`,
      });
    }
    const credits = await clientsWithCredit(tx, review.id);
    if (credits.length > 0) {
      items.push({
        organisationId: review.organisationId,
        recipientRole: 'client-fee-officer',
        kind: 'overpayments',
        subject: `${credits.length} client(s) with debts have overpaid money to settle through their refund proposals`,
        detail: { monthEnd: review.monthEnd, clients: credits.map((credit) => ({ clientNumber: credit.clientNumber, creditBalance: money(credit.creditBalanceCents) })) },
        reviewId: review.id,
        idempotencyKey: `overpayments:${review.id}`,
      });
    }
    await addInboxItems(tx, items);
  }

  private async summarise(tx: Tx, review: DebtReview): Promise<DebtReviewSummary> {
    const totals = await reviewTotals(tx, review.id);
    const events = await reviewEventCounts(tx, review.id);
    const [worked] = await tx.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM debt_case WHERE last_review_id = $1 AND state <> 'closed' AND 'worked' = ANY(flags)`,
      [review.id],
    );
    return {
      reviewId: review.id,
      organisationId: review.organisationId,
      monthEnd: review.monthEnd,
      claims: totals.claims,
      clients: totals.clients,
      openCents: totals.openCents,
      newCases: events.opened ?? 0,
      workedCases: worked.count,
      unattendedCases: await countCasesWithFlag(tx, review.id, 'unattended'),
      letters: await countLettersOfReview(tx, review.id),
      handedOver: events['handed-over'] ?? 0,
      escalated: events.escalated ?? 0,
      closedCases: events.closed ?? 0,
      financeNotices: events['finance-notice'] ?? 0,
    };
  }

  list(organisationId: string): Promise<DebtReview[]> {
    return this.db.read((tx) => listReviews(tx, organisationId));
  }

  find(id: string): Promise<DebtReview | undefined> {
    return this.db.read((tx) => findReview(tx, id));
  }
}

function memoryOf(openCase: DebtCase): OpenDebtCaseMemory {
  return {
    handler: openCase.handler,
    letteredInvoiceIds: openCase.letteredInvoiceIds,
    handedOver: openCase.state === 'handed-over',
    escalated: openCase.escalated,
    noticesGiven: openCase.noticesGiven,
  };
}

/**
 * What the finance office is told; a move with the day it took effect (it may be told a month or
 * more later) and where it took the client (ADR 0035): out of the organisation's area with the new
 * home municipality, or an address change whose area is not known.
 */
function noticeText(notice: FinanceNotice, client: Pick<ReviewClient, 'movedOn' | 'moveArea' | 'movedTo'>): string {
  if (notice === 'deceased') return 'the client has died';
  if (notice === 'closed') return 'the client’s services have ended';
  const { movedOn, moveArea, movedTo } = client;
  if (!movedOn) return 'the client has moved';
  if (moveArea === 'out-of-area') return `the client has moved out of the area (home municipality ${movedTo ?? 'not given'} from ${movedOn})`;
  if (moveArea === 'area-unknown') return `the client has moved, area unknown (the population register’s address change took effect on ${movedOn})`;
  return `the client has moved (the population register’s address change took effect on ${movedOn})`;
}

/** Turns one client's decision into the rows to write. */
function planClientReview(
  writes: BatchWrites,
  facts: { review: DebtReview; country: Country; currency: Currency; client: ReviewClient; openCase?: DebtCase; decision: DebtCaseReview },
): void {
  const { review, client, openCase, decision } = facts;
  const caseId = openCase?.id ?? randomUUID();
  const money = (cents: number) => Money.ofMinor(cents, facts.currency).toDecimalString();
  const event = (kind: string, grounds: string, detail?: Record<string, unknown>) => writes.events.push({ debtCaseId: caseId, reviewId: review.id, kind, actor: SYSTEM, grounds, detail });
  const reviewed: ReviewedDebtCase = {
    id: caseId,
    organisationId: review.organisationId,
    clientId: client.clientId,
    clientNumber: client.clientNumber,
    clientName: client.name,
    language: openCase?.language ?? letterLanguage(client.language, facts.country),
    debitingArea: client.debitingArea,
    clientStatus: client.status,
    state: decision.handOver || openCase?.state === 'handed-over' ? 'handed-over' : 'open',
    escalated: decision.escalate || (openCase?.escalated === true && !decision.deEscalate),
    noticesGiven: [...new Set([...(openCase?.noticesGiven ?? []), ...decision.notices])],
    letteredInvoiceIds: [...(openCase?.letteredInvoiceIds ?? []), ...decision.letterInvoiceIds],
    flags: [...decision.flags],
    openCents: decision.openCents,
    months: decision.months,
    currency: facts.currency,
    openedOn: openCase?.openedOn ?? review.monthEnd,
    reviewId: review.id,
  };
  (openCase ? writes.updatedCases : writes.newCases).push(reviewed);

  if (decision.open) event('opened', `${client.claims.length} claim(s) unpaid past their due date, ${money(decision.openCents)} in all`);
  if (decision.letterInvoiceIds.length > 0) {
    const claims = client.claims.filter((claim) => decision.letterInvoiceIds.includes(claim.invoiceId));
    const letterId = randomUUID();
    writes.letters.push({
      id: letterId,
      debtCaseId: caseId,
      reviewId: review.id,
      organisationId: review.organisationId,
      language: reviewed.language,
      claims: claims.map(({ invoiceId, invoiceNumber, invoiceDate, dueDate, openCents }) => ({ invoiceId, invoiceNumber, invoiceDate, dueDate, openCents })),
      totalCents: claims.reduce((sum, claim) => sum + claim.openCents, 0),
      currency: facts.currency,
    });
    event('letter', `the standard reminder letter with copies of ${claims.length} invoice(s)`, { letterId, invoiceIds: decision.letterInvoiceIds });
  }
  if (decision.handOver) {
    const caseworker = openCase?.caseworker ?? null;
    writes.tasks.push({ id: randomUUID(), debtCaseId: caseId, reviewId: review.id, organisationId: review.organisationId, assignedTo: caseworker });
    event('handed-over', caseworker ? `still unpaid after the letter: handed to the caseworker ${caseworker}` : 'still unpaid after the letter: handed over, waiting for a caseworker to be named');
    writes.inbox.push(
      caseworker
        ? { organisationId: review.organisationId, recipientRole: 'caseworker', recipientUser: caseworker, kind: 'caseworker-task', subject: `Contact client ${client.clientNumber} about unpaid fees and offer support`, detail: { clientNumber: client.clientNumber, openAmount: money(decision.openCents) }, debtCaseId: caseId, reviewId: review.id, idempotencyKey: `task:${review.id}:${caseId}` }
        : { organisationId: review.organisationId, recipientRole: 'unit-manager', debitingArea: client.debitingArea, kind: 'caseworker-needed', subject: `Name a caseworker for client ${client.clientNumber}: the debt is still unpaid after the letter`, detail: { clientNumber: client.clientNumber, openAmount: money(decision.openCents) }, debtCaseId: caseId, reviewId: review.id, idempotencyKey: `task:${review.id}:${caseId}` },
    );
  }
  if (decision.escalate) {
    event('escalated', `the debt covers ${decision.months} months of claims: the deputy head of social services is told`);
    writes.inbox.push({
      organisationId: review.organisationId,
      recipientRole: 'deputy-head-of-social-services',
      kind: 'escalation',
      subject: `The debts of client ${client.clientNumber} cover ${decision.months} months of claims (${review.monthEnd})`,
      detail: { clientNumber: client.clientNumber, openAmount: money(decision.openCents), months: decision.months, debitingArea: client.debitingArea },
      debtCaseId: caseId,
      reviewId: review.id,
      idempotencyKey: `escalation:${review.id}:${caseId}`,
    });
  }
  if (decision.deEscalate) event('de-escalated', `the debt covers ${decision.months} month(s) of claims now`);
  for (const notice of decision.notices) {
    const text = noticeText(notice, client);
    const movedOn = notice === 'moved' ? client.movedOn : null;
    const where = movedOn && client.moveArea ? { moveArea: client.moveArea, ...(client.movedTo ? { movedTo: client.movedTo } : {}) } : {};
    event('finance-notice', `the finance office is told: ${text}`, { notice, ...(movedOn ? { movedOn } : {}), ...where });
    writes.inbox.push({
      organisationId: review.organisationId,
      recipientRole: 'finance-centre',
      kind: 'finance-notice',
      subject: `Debt case of client ${client.clientNumber}: ${text}`,
      detail: { clientNumber: client.clientNumber, notice, openAmount: money(decision.openCents), ...(movedOn ? { movedOn } : {}), ...where },
      debtCaseId: caseId,
      reviewId: review.id,
      // Once per case for a death or an end; once per move (each is on one list only).
      idempotencyKey: notice === 'moved' ? `notice:${caseId}:moved:${movedOn ?? review.monthEnd}` : `notice:${caseId}:${notice}`,
    });
  }
}
