import { Injectable } from '@nestjs/common';
import type { DebtReviewActivitiesContract, DebtListPage, DebtReviewOpened, DebtReviewSummary } from '@clientfees/contracts';
import { activityScheduledAt } from '@clientfees/platform';
import { DebtReviewsService } from './debt-reviews.service';

/** The month-end review's activities: one-line delegations. */
@Injectable()
export class DebtReviewActivities implements DebtReviewActivitiesContract {
  constructor(private readonly reviews: DebtReviewsService) {}

  openDebtReview(input: { organisationId: string; monthEnd?: string }): Promise<DebtReviewOpened> {
    return this.reviews.open(input.organisationId, input.monthEnd, activityScheduledAt());
  }

  readDebtList(input: { reviewId: string; organisationId: string; asOf: string; after?: string }): Promise<{ claims: number; nextAfter?: string }> {
    return this.reviews.readDebtList(input);
  }

  storeDebtClaims(input: { reviewId: string; page: DebtListPage }): Promise<void> {
    return this.reviews.storePage(input.reviewId, input.page);
  }

  batchDebtReview(reviewId: string): Promise<number> {
    return this.reviews.numberBatches(reviewId);
  }

  reviewDebtBatch(input: { reviewId: string; batch: number }): Promise<void> {
    return this.reviews.reviewBatch(input.reviewId, input.batch);
  }

  completeDebtReview(reviewId: string): Promise<DebtReviewSummary> {
    return this.reviews.complete(reviewId);
  }
}
