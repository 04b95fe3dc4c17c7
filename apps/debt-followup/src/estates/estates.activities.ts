import { ConflictException, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { ClientDeathRecorded, ClientDeathReport, EstateActivitiesContract, EstateEvent } from '@clientfees/contracts';
import { isDomainValidationError } from '@clientfees/domain';
import { activityIdempotencyKey, activityScheduledAt } from '@clientfees/platform';
import { EstatesService } from './estates.service';

/** The estate's activities on the debt-followup task queue: one-line delegations. */
@Injectable()
export class EstateActivities implements EstateActivitiesContract {
  constructor(private readonly estates: EstatesService) {}

  /**
   * The population register's feed (income verification) reports a death here. A malformed
   * report can never succeed (non-retryable); an organisation without settings yet is retried
   * until an administrator has set them, so no death is lost.
   */
  async recordClientDeath(report: ClientDeathReport): Promise<ClientDeathRecorded> {
    try {
      return await this.estates.recordDeath(report, activityScheduledAt());
    } catch (error) {
      if (isDomainValidationError(error)) throw ApplicationFailure.nonRetryable(error.message, 'InvalidDeathReport');
      if (error instanceof ConflictException) throw ApplicationFailure.retryable(error.message, 'OrganisationNotSetUp');
      throw error;
    }
  }

  recordEstateEvent(event: EstateEvent): Promise<void> {
    return this.estates.recordEvent(event, activityIdempotencyKey() ?? undefined);
  }

  remindEstateInvestigator(input: { estateCaseId: string; inventoryDeadline: string; reminder: number }): Promise<void> {
    return this.estates.remindInvestigator(input);
  }
}
