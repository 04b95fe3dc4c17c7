import { Injectable } from '@nestjs/common';
import type { ClientDeath, OfficerReview, ReviewActivities, ReviewState } from '@clientfees/contracts';
import { addBankingDays, localDateInZone, startOfDayInZone } from '@clientfees/domain';
import { ReviewsService } from './reviews.service';
import { YearlyReviewsService } from './yearly-reviews.service';
import { PopulationChangesService } from '../population/population-changes.service';

const ZONE = 'Europe/Helsinki';

/** The review's activities on the income-verification queue: one-line delegations. */
@Injectable()
export class ReviewActivitiesProvider implements ReviewActivities {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly yearly: YearlyReviewsService,
    private readonly populationChanges: PopulationChangesService,
  ) {}

  checkConsent(caseId: string) {
    return this.reviews.checkConsent(caseId);
  }

  beginReview(caseId: string) {
    return this.reviews.beginReview(caseId);
  }

  async summariseAndPropose(caseId: string, withDecision: boolean) {
    const proposal = await this.reviews.summariseAndPropose(caseId, withDecision);
    return withDecision ? { ...proposal, remindOfficerAt: await this.reviewReminderAt(caseId) } : proposal;
  }

  setReviewState(caseId: string, state: ReviewState, detail?: string) {
    return this.reviews.setState(caseId, state, detail);
  }

  reportFetchProblem(input: { caseId: string; source: string; person: string; problem: string }) {
    return this.reviews.reportFetchProblem(input);
  }

  summariseIncomes(caseId: string) {
    return this.reviews.summarise(caseId);
  }

  proposeFee(caseId: string) {
    return this.reviews.propose(caseId);
  }

  /** Three banking days on at 08:00 in Helsinki: a review waiting over a holiday weekend is not nagged on it. */
  async reviewReminderAt(_caseId: string) {
    return startOfDayInZone(addBankingDays('FI', localDateInZone(Date.now(), ZONE), 3), ZONE) + 8 * 3600_000;
  }

  async remindOfficer(caseId: string) {
    await this.reviews.setState(caseId, 'awaiting-review', `reminded ${new Date().toISOString()}: the proposed fee waits for the official’s review`);
  }

  recordDecision(caseId: string, review: OfficerReview) {
    return this.reviews.recordDecision(caseId, review);
  }

  feeDecisionForInvoicing(decisionId: string) {
    return this.reviews.feeDecisionForInvoicing(decisionId);
  }

  endDecisionsOnDeath(input: ClientDeath) {
    return this.reviews.endDecisionsOnDeath(input);
  }

  markDeathReported(changeId: string) {
    return this.populationChanges.markReported(changeId);
  }

  reportAddressChange(changeId: string) {
    return this.populationChanges.reportAddressChange(changeId);
  }

  startDueYearlyReviews(input: { organisationId: string }) {
    return this.yearly.startDue(input.organisationId);
  }
}
