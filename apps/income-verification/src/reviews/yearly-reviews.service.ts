import { Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { DEFAULT_YEARLY_REVIEW_LEAD_DAYS, localDateInZone, yearlyReviewCandidatesUpTo, yearlyReviewDue } from '@clientfees/domain';
import { Database } from '@clientfees/platform';
import { settingsOf } from '../schedules/schedule-settings.queries';
import * as q from './review.queries';
import { ReviewsService } from './reviews.service';

/** Workflows started at once while opening a batch: Temporal's frontend, not the authorities, is what this spares. */
const START_BATCH = 100;

/** The yearly review: a review for every client whose fee decision turns one year old (seed 001). */
@Injectable()
export class YearlyReviewsService {
  constructor(
    private readonly db: Database,
    private readonly reviews: ReviewsService,
  ) {}

  async startDue(organisationId: string): Promise<{ opened: number; started: number }> {
    const opened = await this.db.transaction(async (tx) => {
      const settings = await settingsOf(tx, organisationId);
      const zone = settings?.timeZone ?? 'Europe/Helsinki';
      const lead = settings?.yearlyReviewLeadDays ?? DEFAULT_YEARLY_REVIEW_LEAD_DAYS;
      const today = localDateInZone(Date.now(), zone);
      const due = (await q.yearlyReviewCandidates(tx, organisationId, today, yearlyReviewCandidatesUpTo(today, lead))).filter((d) => yearlyReviewDue(d.validFrom, today, lead));
      return due.length === 0 ? 0 : q.openYearlyReviews(tx, organisationId, due.map((d) => d.decisionId), today, 'yearly-review schedule');
    });
    let started = 0;
    for (;;) {
      const batch = await this.db.read((tx) => q.casesAwaitingStart(tx, organisationId, START_BATCH));
      if (batch.length === 0) break;
      await this.reviews.startWorkflows(batch);
      started += batch.length;
      Context.current().heartbeat(started);
    }
    return { opened, started };
  }
}
