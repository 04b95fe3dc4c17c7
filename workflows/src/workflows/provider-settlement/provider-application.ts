import { allHandlersFinished, ApplicationFailure, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  ApplicationFailures,
  decideApplicationUpdate,
  ProviderApplicationInput,
  ProviderApplicationResult,
  ProviderApplicationStatus,
  providerApplicationStatusQuery,
  resubmitApplicationUpdate,
} from '@clientfees/contracts';
import { addDays, APPLICATION_REMINDER_DAYS, applicationDecisionRefusal, localDateInZone, startOfDayInZone } from '@clientfees/domain/workflow';
import { settlementActivities as activities, untilLocal } from './activities';

/**
 * A provider's application to provide a service (seed 003 §1.3, §2.2):
 *
 *   submitted ─ decideApplication: approve (from a date) ────────────────► approved
 *             ─ decideApplication: reject ───────────────────────────────► rejected
 *             ─ decideApplication: request changes ► changes-requested ─ resubmitApplication ─┐
 *             ◄────────────────────────────────────────────────────────────────────────────────┘
 *   while submitted and undecided, the municipality's handlers are reminded every
 *   APPLICATION_REMINDER_DAYS days (at 08:00 in its time zone).
 *
 * Every decision carries its grounds and actor and is stored by `recordApplicationDecision`.
 */
export async function providerApplication(input: ProviderApplicationInput): Promise<ProviderApplicationResult> {
  // Decisions change it from update handlers; `as` keeps TypeScript from narrowing it to the start value.
  let state = 'submitted' as ProviderApplicationStatus['state'];
  let reminders = 0;
  let decisions = 0;
  let approvedFrom: string | undefined;
  let waitingSince = localDateInZone(Date.now(), input.timeZone);
  const status = (): ProviderApplicationStatus => ({ applicationId: input.applicationId, state, reminders });

  setHandler(providerApplicationStatusQuery, status);
  setHandler(
    decideApplicationUpdate,
    async (command) => {
      // The state moves at once, so a second decision arriving meanwhile is refused by its validator.
      state = command.decision === 'approve' ? 'approved' : command.decision === 'reject' ? 'rejected' : 'changes-requested';
      if (command.decision === 'approve') approvedFrom = command.approvedFrom;
      decisions += 1;
      await activities.recordApplicationDecision({ applicationId: input.applicationId, decisionId: `${workflowInfo().runId}:${decisions}`, command });
      return status();
    },
    {
      validator: (command) => {
        const refusal = applicationDecisionRefusal(state, command);
        if (refusal) throw ApplicationFailure.nonRetryable(refusal.reason, refusal.kind === 'rule' ? ApplicationFailures.rule : ApplicationFailures.state);
      },
    },
  );
  setHandler(
    resubmitApplicationUpdate,
    (_resubmission) => {
      state = 'submitted';
      waitingSince = localDateInZone(Date.now(), input.timeZone);
      return status();
    },
    {
      validator: (_resubmission) => {
        if (state !== 'changes-requested') throw ApplicationFailure.nonRetryable(`the application is ${state}; it is sent again only after changes were requested`, ApplicationFailures.state);
      },
    },
  );

  while (state !== 'approved' && state !== 'rejected') {
    if (state === 'changes-requested') {
      // The provider completes the application; the municipality has nothing to do meanwhile.
      await condition(() => state !== 'changes-requested');
      reminders = 0;
      continue;
    }
    const remindOn = addDays(waitingSince, APPLICATION_REMINDER_DAYS * (reminders + 1));
    if (await condition(() => state !== 'submitted', untilLocal(remindOn, 8, input.timeZone, startOfDayInZone))) continue;
    reminders += 1;
    await activities.remindApplicationHandlers({ applicationId: input.applicationId, waitingDays: APPLICATION_REMINDER_DAYS * reminders });
  }
  await condition(allHandlersFinished);
  return { applicationId: input.applicationId, outcome: state, ...(approvedFrom ? { approvedFrom } : {}) };
}
