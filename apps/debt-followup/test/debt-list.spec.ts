import { MockActivityEnvironment } from '@temporalio/testing';
import { Database } from '@clientfees/platform';
import { startTimeSkippingServer } from '@clientfees/testing';
import { reviewTotals } from '../src/debt-reviews/debt-review.queries';
import { DebtReviewActivities } from '../src/debt-reviews/debt-reviews.activities';
import { DEBT_LIST_PAGE, DEBT_LIST_PAGES_PER_READ } from '../src/debt-reviews/debt-reviews.service';
import { DebtFollowupStack, startDebtFollowupStack } from './debt-followup-stack';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * The month end's debt list read by debt follow-up's activity from invoicing's messages (the
 * in-memory stand-in here; the real TCP message in tests/integration): a bounded stretch of pages
 * per activity, the cursor handed back, a repeated read storing nothing twice.
 */
describe('reading the debt list into a review', () => {
  let stack: DebtFollowupStack;
  beforeAll(async () => {
    stack = await startDebtFollowupStack(await startTimeSkippingServer(), { schedules: false });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('reads at most a stretch of pages per activity and goes on from the cursor it answers; a retried read adds nothing', async () => {
    const perRead = DEBT_LIST_PAGE * DEBT_LIST_PAGES_PER_READ;
    const claims = perRead + 1;
    const clients = Math.ceil(claims / 4);
    for (let c = 0; c < clients; c++) stack.invoicing.addClient({ clientId: id(c), clientNumber: `C-${c}`, name: `Client ${c}`, language: 'fi', debitingArea: 'ESPOO-NORTH', status: 'active' });
    for (let n = 0; n < claims; n++) {
      stack.invoicing.addInvoice({ invoiceId: id(1_000_000 + n), clientId: id(n % clients), invoiceNumber: n + 1, invoiceDate: '2027-01-05', rows: [{ description: 'Kotihoito', amountCents: 10_00, on: '2026-12-31' }] });
    }

    const activities = stack.service.app.get(DebtReviewActivities);
    /** Runs as the activity would (the stand-in records each call with its activity's day). */
    const asActivity = <R>(work: () => Promise<R>) => new MockActivityEnvironment({ currentAttemptScheduledTimestampMs: Date.parse('2027-02-01T08:00:00Z') }).run(work) as Promise<R>;
    const { reviewId } = await asActivity(() => activities.openDebtReview({ organisationId: 'fi-demo', monthEnd: '2027-01-31' }));
    const read = (after?: string) => asActivity(() => activities.readDebtList({ reviewId, organisationId: 'fi-demo', asOf: '2027-01-31', ...(after ? { after } : {}) }));
    const pagesAsked = () => stack.invoicing.calls.filter((call) => call.activity === 'debtList').length;

    const first = await read();
    expect(first).toEqual({ claims: perRead, nextAfter: id(1_000_000 + perRead - 1) });
    expect(pagesAsked()).toBe(DEBT_LIST_PAGES_PER_READ);
    const rest = await read(first.nextAfter);
    expect(rest).toEqual({ claims: 1 });
    expect(pagesAsked()).toBe(DEBT_LIST_PAGES_PER_READ + 1);

    // A retry of the first read (the activity failed after storing): the same claims, stored once.
    expect(await read()).toEqual(first);
    const stored = await stack.service.app.get(Database).read((tx) => reviewTotals(tx, reviewId));
    expect(stored).toEqual({ claims, clients, openCents: claims * 10_00 });
  });
});
