import { proxyActivities } from '@temporalio/workflow';
import {
  AuthorityQueues,
  DeathReportActivities,
  OrganisationScheduleInput,
  PopulationChangesResult,
  PopulationRegisterActivities,
  ReviewActivities,
  TaskQueues,
} from '@clientfees/contracts';

const review = proxyActivities<ReviewActivities>({ taskQueue: TaskQueues.incomeVerification, startToCloseTimeout: '1 minute', retry: { maximumInterval: '5 minutes' } });
/** The feed is read on the population register's own queue, inside its concurrency bound (ADRs 0019, 0034). */
const populationRegister = proxyActivities<PopulationRegisterActivities>({
  taskQueue: AuthorityQueues.populationRegister,
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumInterval: '15 minutes' },
});
const deaths = proxyActivities<DeathReportActivities>({ taskQueue: TaskQueues.debtFollowup, startToCloseTimeout: '1 minute', retry: { maximumInterval: '10 minutes' } });

/**
 * One reading of the population register's change feed for an organisation's clients, started
 * by the organisation's Schedule (VTJ muutosrajapinta: `muutokset` after the last key):
 *
 *   read and record the changes (address changes and security bans are recorded; the review
 *   views and the decision letters mask a banned address at once)
 *   ─► each death: the client's fee decisions end on the date of death ─► debt follow-up is told
 *      (recordClientDeath, which starts the estate handling once) ─► marked reported
 *   ─► each address change and security ban: invoicing is told (its billing settings hold the
 *      address from the billing period of the move; a protected address is never sent) ─► marked reported
 *
 * A death or address left unreported by an earlier run (the worker stopped half-way) comes back in the next
 * poll's answer, so none is lost; debt follow-up ignores a repeat.
 */
export async function populationRegisterChanges(input: OrganisationScheduleInput): Promise<PopulationChangesResult> {
  const polled = await populationRegister.pollPopulationChanges({ organisationId: input.organisationId });
  for (const death of polled.deaths) {
    await review.endDecisionsOnDeath({ organisationId: death.organisationId, clientId: death.clientId, dateOfDeath: death.dateOfDeath });
    await deaths.recordClientDeath({
      organisationId: death.organisationId,
      clientId: death.clientId,
      dateOfDeath: death.dateOfDeath,
      source: 'population-register',
      sourceReference: death.sourceReference,
      reportedBy: 'income-verification',
    });
    await review.markDeathReported(death.changeId);
  }
  // Absent from a poll answered before invoicing was told of addresses (replay of an older run).
  for (const changeId of polled.addressChangeIds ?? []) await review.reportAddressChange(changeId);
  return { deaths: polled.deaths.length, addressChanges: polled.addressChanges, securityBanChanges: polled.securityBanChanges };
}
