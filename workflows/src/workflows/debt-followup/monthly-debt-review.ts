import { continueAsNew } from '@temporalio/workflow';
import { DebtListPage, DebtReviewSummary, MonthlyDebtReviewInput } from '@clientfees/contracts';
import { debt, invoicing } from './activities';

/** Claims a page (about 250 kB of payload). */
const PAGE = 1000;
/** Pages read before the history is started afresh. */
const PAGES_PER_RUN = 40;
/** Batches of clients reviewed side by side. */
const PARALLEL_BATCHES = 4;

/**
 * The month-end debt review (seed 004, "Rutin Skuldfordringar"), started by a Schedule per
 * organisation on the month's last day:
 *
 *   the debt list: claims unpaid past their due date, page by page from invoicing
 *   each client by the month-end rule: one debt case with its handler; new cases nobody works on
 *     flagged; the reminder letter with invoice copies; still unpaid after it → the caseworker's
 *     task; three months of claims → the deputy head of social services is told
 *   cases with nothing unpaid close; the finance office is told of deceased, moved and closed
 *     clients; each unit manager gets the month's list of their units' cases
 */
export async function monthlyDebtReview(input: MonthlyDebtReviewInput): Promise<DebtReviewSummary> {
  const review = input.reviewId ? { reviewId: input.reviewId, monthEnd: input.monthEnd!, completed: false } : await debt.openDebtReview({ organisationId: input.organisationId, monthEnd: input.monthEnd });
  if (!review.completed) {
    await readDebtList(input.organisationId, review.reviewId, review.monthEnd, input.after);
    const batches = await debt.batchDebtReview(review.reviewId);
    await eachInParallel(batches, PARALLEL_BATCHES, (batch) => debt.reviewDebtBatch({ reviewId: review.reviewId, batch }));
  }
  return debt.completeDebtReview(review.reviewId);
}

/** Reads the debt list into the review, the next page fetched while this one is stored. */
async function readDebtList(organisationId: string, reviewId: string, monthEnd: string, after: string | undefined): Promise<void> {
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
