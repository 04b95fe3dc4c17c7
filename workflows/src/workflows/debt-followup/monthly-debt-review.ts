import { continueAsNew, patched } from '@temporalio/workflow';
import { DebtListPage, DebtReviewSummary, MonthlyDebtReviewInput } from '@clientfees/contracts';
import { debt, invoicing } from './activities';

/**
 * From this patch on, debt follow-up's activity reads the debt list from invoicing itself (its TCP
 * message) and the workflow hands on only the cursor; before it, each page passed through the
 * history twice (invoicing's answer, the store's input). Runs begun before it replay the old way.
 */
const DEBT_LIST_READ_BY_DEBT_FOLLOWUP = 'debt-list-read-by-debt-followup';
/** Before the patch: claims a page (about 250 kB of payload). */
const PAGE = 1000;
/** Before the patch: pages read before the history is started afresh. */
const PAGES_PER_RUN = 40;
/** Batches of clients reviewed side by side. */
const PARALLEL_BATCHES = 4;

/**
 * The month-end debt review (seed 004, "Rutin Skuldfordringar"), started by a Schedule per
 * organisation on the month's last day:
 *
 *   the debt list: claims unpaid past their due date, read page by page from invoicing by debt
 *     follow-up's activity (only the cursor passes through the history)
 *   each client by the month-end rule: one debt case with its handler; new cases nobody works on
 *     flagged; the reminder letter with invoice copies; still unpaid after it → the caseworker's
 *     task; three months of claims → the deputy head of social services is told
 *   cases with nothing unpaid close; the finance office is told of deceased, moved and closed
 *     clients; each unit manager gets the month's list of their units' cases
 */
export async function monthlyDebtReview(input: MonthlyDebtReviewInput): Promise<DebtReviewSummary> {
  const review = input.reviewId ? { reviewId: input.reviewId, monthEnd: input.monthEnd!, completed: false } : await debt.openDebtReview({ organisationId: input.organisationId, monthEnd: input.monthEnd });
  if (!review.completed) {
    if (patched(DEBT_LIST_READ_BY_DEBT_FOLLOWUP)) await readDebtList(input.organisationId, review.reviewId, review.monthEnd, input.after);
    else await readDebtListThroughHistory(input.organisationId, review.reviewId, review.monthEnd, input.after);
    const batches = await debt.batchDebtReview(review.reviewId);
    await eachInParallel(batches, PARALLEL_BATCHES, (batch) => debt.reviewDebtBatch({ reviewId: review.reviewId, batch }));
  }
  return debt.completeDebtReview(review.reviewId);
}

/** Reads the debt list into the review: debt follow-up fetches and stores a stretch of pages per activity. */
async function readDebtList(organisationId: string, reviewId: string, monthEnd: string, after: string | undefined): Promise<void> {
  for (let cursor = after; ; ) {
    const read = await debt.readDebtList({ reviewId, organisationId, asOf: monthEnd, ...(cursor ? { after: cursor } : {}) });
    if (!read.nextAfter) return;
    cursor = read.nextAfter;
  }
}

/** Before the patch: reads the debt list page by page through the history, the next page fetched while this one is stored. */
async function readDebtListThroughHistory(organisationId: string, reviewId: string, monthEnd: string, after: string | undefined): Promise<void> {
  const list = (cursor?: string): Promise<DebtListPage> => invoicing.listDebtClaims({ organisationId, asOf: monthEnd, after: cursor, limit: PAGE });
  let fetching: Promise<DebtListPage> | undefined = list(after);
  for (let pages = 1; fetching; pages++) {
    const page: DebtListPage = await fetching;
    const next = page.nextAfter;
    fetching = next && pages < PAGES_PER_RUN ? list(next) : undefined;
    await debt.storeDebtClaims({ reviewId, page });
    if (next && !fetching) await continueAsNew<typeof monthlyDebtReview>({ organisationId, monthEnd, reviewId, after: next });
  }
}

async function eachInParallel(count: number, width: number, work: (index: number) => Promise<void>): Promise<void> {
  let nextIndex = 0;
  const lane = async () => {
    while (nextIndex < count) await work(nextIndex++);
  };
  await Promise.all(Array.from({ length: Math.min(width, count) }, lane));
}
