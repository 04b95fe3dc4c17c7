import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { isDomainValidationError } from '@clientfees/domain';
import type {
  AgencyPaymentPlanRequest,
  AgencyRecallRequest,
  AgencyTransferRequest,
  CollectionActivities as Contract,
  ReminderRequest,
  ReminderSent,
} from '@clientfees/contracts';
import { AgencyRejectedError } from './agency/agency-client';
import { AgencySteps, CollectionFailures } from './agency-cases/agency-steps';

export { CollectionFailures };

/**
 * The collection service's Temporal activities: the steps of an invoice's case at the agency.
 * A request that breaks a rule, or that the agency refuses (4xx), stays so however often it is
 * retried, so both fail for good; an unreachable agency is left to Temporal's retries.
 */
@Injectable()
export class CollectionActivities implements Contract {
  constructor(private readonly steps: AgencySteps) {}

  sendReminder(request: ReminderRequest): Promise<ReminderSent> {
    return finalOnRefusal(() => this.steps.sendReminder(request));
  }

  transferToAgency(request: AgencyTransferRequest): Promise<{ agencyCaseId: string }> {
    return finalOnRefusal(() => this.steps.transferToAgency(request));
  }

  tellAgencyOfPaymentPlan(request: AgencyPaymentPlanRequest): Promise<void> {
    return finalOnRefusal(() => this.steps.tellAgencyOfPaymentPlan(request));
  }

  recallFromAgency(request: AgencyRecallRequest): Promise<void> {
    return finalOnRefusal(() => this.steps.recallFromAgency(request));
  }
}

async function finalOnRefusal<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (isDomainValidationError(error)) {
      throw ApplicationFailure.create({ message: error.message, type: CollectionFailures.invalidRequest, nonRetryable: true, details: [{ field: error.field, reason: error.reason }] });
    }
    if (error instanceof AgencyRejectedError) {
      const details = [{ status: error.status, field: error.field, reason: error.reason }];
      throw ApplicationFailure.create({ message: error.message, type: CollectionFailures.agencyRejected, nonRetryable: true, details });
    }
    throw error;
  }
}
