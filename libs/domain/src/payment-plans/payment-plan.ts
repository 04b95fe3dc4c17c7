import { LocalDate, addDays, addMonths, compareLocalDates, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { requireInteger } from '../internal/integers';
import { splitEvenly } from '../money/allocation';
import { Money } from '../money/money';

/** One part of a payment plan (maksusuunnitelma / avbetalningsplan); numbered from 1. */
export interface Instalment {
  readonly number: number;
  readonly dueDate: LocalDate;
  readonly amount: Money;
}

export interface PaymentPlan {
  readonly total: Money;
  readonly instalments: readonly Instalment[];
}

export interface PaymentPlanRules {
  /** Seed 000's example is "the invoice paid in 2 parts": one part is no plan. */
  readonly minInstalments: number;
  readonly maxInstalments: number;
}

export const DEFAULT_PAYMENT_PLAN_RULES: PaymentPlanRules = Object.freeze({ minInstalments: 2, maxInstalments: 24 });

/** Either `count` monthly due dates from `firstDueDate`, or the due dates themselves. */
export type PaymentPlanSchedule =
  | { readonly count: number; readonly firstDueDate: LocalDate }
  | { readonly dueDates: readonly LocalDate[] };

function planRules(rules: Partial<PaymentPlanRules>): PaymentPlanRules {
  const minInstalments = requireInteger(rules.minInstalments ?? DEFAULT_PAYMENT_PLAN_RULES.minInstalments, 'rules.minInstalments', 2, 1200);
  const maxInstalments = requireInteger(rules.maxInstalments ?? DEFAULT_PAYMENT_PLAN_RULES.maxInstalments, 'rules.maxInstalments', minInstalments, 1200);
  return { minInstalments, maxInstalments };
}

function dueDatesOf(schedule: PaymentPlanSchedule, rules: PaymentPlanRules): LocalDate[] {
  const range = `between ${rules.minInstalments} and ${rules.maxInstalments} instalments`;
  if ('dueDates' in schedule) {
    if (!Array.isArray(schedule.dueDates)) throw new DomainValidationError('must be a list of dates', 'dueDates');
    if (schedule.dueDates.length < rules.minInstalments || schedule.dueDates.length > rules.maxInstalments) {
      throw new DomainValidationError(`must give ${range}, not ${schedule.dueDates.length}`, 'dueDates');
    }
    const dates = schedule.dueDates.map((date, i) => parseLocalDate(date, `dueDates.${i}`));
    dates.forEach((date, i) => {
      if (i > 0 && compareLocalDates(date, dates[i - 1]) <= 0) throw new DomainValidationError(`must be after ${dates[i - 1]}`, `dueDates.${i}`);
    });
    return dates;
  }
  const count = requireInteger(schedule.count, 'count');
  if (count < rules.minInstalments || count > rules.maxInstalments) throw new DomainValidationError(`must be ${range}, not ${count}`, 'count');
  const first = parseLocalDate(schedule.firstDueDate, 'firstDueDate');
  // Each step counts from the first date, so 31.1. gives 28.2., 31.3., … rather than drifting to the 28th.
  return Array.from({ length: count }, (_, i) => addMonths(first, i));
}

/**
 * Splits `debt` into instalments that add up to it exactly; the cents that do not divide evenly
 * go to the first instalments (100.00 in 3 → 33.34, 33.33, 33.33).
 */
export function makePaymentPlan(debt: Money, schedule: PaymentPlanSchedule, rules: Partial<PaymentPlanRules> = {}): PaymentPlan {
  if (!(debt instanceof Money)) throw new DomainValidationError('must be an amount of money', 'debt');
  if (!debt.isPositive()) throw new DomainValidationError('must be more than zero', 'debt');
  if (schedule === null || typeof schedule !== 'object') throw new DomainValidationError('must give count and firstDueDate, or dueDates', 'schedule');
  const dates = dueDatesOf(schedule, planRules(rules));
  if (debt.minorUnits < dates.length) throw new DomainValidationError(`is too small to split into ${dates.length} instalments of at least one cent`, 'debt');
  const amounts = splitEvenly(debt, dates.length);
  return Object.freeze({
    total: debt,
    instalments: Object.freeze(dates.map((dueDate, i) => Object.freeze({ number: i + 1, dueDate, amount: amounts[i] }))),
  });
}

export interface PlanPayment {
  readonly paidOn: LocalDate;
  readonly amount: Money;
}

export interface MissedInstalment extends Instalment {
  /** What is still unpaid of this instalment on the day asked about. */
  readonly unpaid: Money;
  /** The last day of grace: due date + grace days. */
  readonly graceEndsOn: LocalDate;
}

export interface InstalmentsMissedOptions {
  /** Days after an instalment's due date before it counts as missed; 0 by default. */
  readonly graceDays?: number;
}

/**
 * The instalments not fully paid although their grace ended before `asOf`; any one of them
 * breaks the plan. Payments made up to `asOf` count (later ones are not known yet) and pay the
 * oldest instalment first, so a late payment that catches up mends the plan.
 */
export function instalmentsMissed(
  plan: PaymentPlan,
  payments: readonly PlanPayment[],
  asOf: LocalDate,
  options: InstalmentsMissedOptions = {},
): MissedInstalment[] {
  const day = parseLocalDate(asOf, 'asOf');
  const graceDays = requireInteger(options.graceDays ?? 0, 'graceDays', 0, 366);
  const currency = plan.total.currency;
  const paid = Money.sum(
    payments
      .map((payment, i) => {
        const paidOn = parseLocalDate(payment.paidOn, `payments.${i}.paidOn`);
        if (payment.amount.currency !== currency) throw new DomainValidationError(`must be in ${currency}`, `payments.${i}.amount`);
        if (payment.amount.isNegative()) throw new DomainValidationError('must not be negative', `payments.${i}.amount`);
        return { paidOn, amount: payment.amount };
      })
      .filter((payment) => compareLocalDates(payment.paidOn, day) <= 0)
      .map((payment) => payment.amount),
    currency,
  );
  const missed: MissedInstalment[] = [];
  let left = paid;
  for (const instalment of plan.instalments) {
    const covered = Money.min(left, instalment.amount);
    left = left.subtract(covered);
    const unpaid = instalment.amount.subtract(covered);
    const graceEndsOn = addDays(instalment.dueDate, graceDays);
    if (unpaid.isPositive() && compareLocalDates(graceEndsOn, day) < 0) missed.push(Object.freeze({ ...instalment, unpaid, graceEndsOn }));
  }
  return missed;
}

export function isPaymentPlanBroken(plan: PaymentPlan, payments: readonly PlanPayment[], asOf: LocalDate, options: InstalmentsMissedOptions = {}): boolean {
  return instalmentsMissed(plan, payments, asOf, options).length > 0;
}
