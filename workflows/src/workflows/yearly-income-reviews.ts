import { proxyActivities } from '@temporalio/workflow';
import { OrganisationScheduleInput, ReviewActivities, TaskQueues } from '@clientfees/contracts';

/** Opening thousands of reviews takes a while; the activity heartbeats as it goes and resumes where it was. */
const review = proxyActivities<ReviewActivities>({
  taskQueue: TaskQueues.incomeVerification,
  startToCloseTimeout: '1 hour',
  heartbeatTimeout: '2 minutes',
  retry: { initialInterval: '30 seconds', maximumInterval: '10 minutes' },
});

/**
 * The yearly income review (seed 001: every client's income is checked at least once a year),
 * started each morning by the organisation's Schedule: a review opens for every client whose fee
 * decision turns one year old. Each review is its own incomeVerification workflow; the load on
 * each authority is bounded by the authority's task queue and gate (ADRs 0019, 0034), not here, so
 * 7,000 reviews opened at once queue their fetches instead of flooding the registers.
 */
export async function yearlyIncomeReviews(input: OrganisationScheduleInput): Promise<{ opened: number; started: number }> {
  return review.startDueYearlyReviews({ organisationId: input.organisationId });
}
