import { condition, setHandler } from '@temporalio/workflow';
import { isDomainValidationError, makePaymentPlan, mayDo, Money, transitionRefusal } from '@clientfees/domain/workflow';
import { PaymentPlanCommand, paymentPlanUpdate, PlannedInstalment } from '@clientfees/contracts';
import { refuse, refuseIf } from '../refuse';
import { collection } from './activities';
import { Lifecycle } from './state';

/** The open amount in monthly instalments that add up to it exactly (the domain's makePaymentPlan). */
function planFor(lifecycle: Lifecycle, command: PaymentPlanCommand): PlannedInstalment[] {
  const open = Money.ofMinor(lifecycle.openCents(), lifecycle.input.currency);
  return makePaymentPlan(open, { count: command.instalments, firstDueDate: command.firstDueDate }).instalments.map((instalment) => ({
    number: instalment.number,
    dueDate: instalment.dueDate,
    amountCents: instalment.amount.minorUnits,
  }));
}

/**
 * A payment plan (maksusuunnitelma / avbetalningsplan, seed 000: "e.g. the invoice paid in 2
 * parts"; also for invoices already at the agency, which then follows it). Before the reminder
 * the organisation follows the plan; at the agency the agency does, once told.
 */
export function handlePaymentPlans(lifecycle: Lifecycle): void {
  const { status } = lifecycle;
  setHandler(
    paymentPlanUpdate,
    async (command) => {
      const atAgency = status.state === 'at-agency';
      status.paymentPlan = { instalments: planFor(lifecycle, command) };
      lifecycle.paidBeforePlan = status.paidCents;
      lifecycle.agencyPlan = atAgency;
      if (atAgency) {
        await collection.tellAgencyOfPaymentPlan({ invoiceId: lifecycle.input.invoiceId, instalments: status.paymentPlan.instalments, actor: command.actor });
      } else {
        lifecycle.planMade = true;
      }
      const { instalments } = status.paymentPlan;
      const span = `${instalments.length} instalments from ${instalments[0].dueDate} to ${instalments[instalments.length - 1].dueDate}`;
      await lifecycle.moveTo('in-payment-plan', `payment plan: ${span}`, command.actor);
      return { ...status };
    },
    {
      validator: (command) => {
        if (!mayDo(command.role, 'payment-plan.make')) refuse('rule', `role ${command.role} may not make payment plans`);
        refuseIf(transitionRefusal(status.state, 'in-payment-plan'));
        if (status.paymentPlan) refuse('state', 'the invoice already has a payment plan');
        try {
          planFor(lifecycle, command);
        } catch (error) {
          if (isDomainValidationError(error)) refuse('rule', error.message);
          throw error;
        }
      },
    },
  );
}

/**
 * Follows the organisation's plan instalment by instalment. True when the invoice is settled;
 * false when an instalment was missed, which breaks the plan: the invoice is overdue again and
 * goes to the next transfer run.
 */
export async function followPlan(lifecycle: Lifecycle): Promise<boolean> {
  const { status } = lifecycle;
  let dueSoFar = 0;
  for (const instalment of status.paymentPlan?.instalments ?? []) {
    dueSoFar += instalment.amountCents;
    await condition(() => lifecycle.settled(), Lifecycle.until(lifecycle.endOf(instalment.dueDate)));
    if (lifecycle.settled()) return true;
    if (status.paidCents - lifecycle.paidBeforePlan < dueSoFar) {
      const today = lifecycle.today();
      lifecycle.terms = { ...lifecycle.terms, transferEligibleDate: today };
      status.paymentPlan = undefined;
      await lifecycle.moveTo(
        'overdue',
        `payment plan broken: instalment ${instalment.number} due ${instalment.dueDate} not paid; to the next transfer run`,
        undefined,
        today,
      );
      return false;
    }
  }
  await condition(() => lifecycle.settled());
  return true;
}
