import { LocalDate, addMonths, compareLocalDates, parseLocalDate } from '../dates/local-date';
import { mayDo, whoMay } from '../access/matrix';
import { DomainValidationError } from '../errors';
import { BILLING_SUPERVISOR } from '../lifecycle/roles';
import { DeferralLimits, deferralLimits } from '../lifecycle/terms';

export interface PaymentPlanLimitRequest {
  /** The invoice's due date before any deferral or plan: limits are measured from it. */
  readonly originalDueDate: LocalDate;
  /** The plan's instalment due dates, in order. */
  readonly instalmentDueDates: readonly LocalDate[];
  /** The role the person making the plan acts in. */
  readonly role: string;
  readonly limits?: Partial<DeferralLimits>;
}

export type PaymentPlanLimitDecision =
  | { readonly outcome: 'granted' }
  /** Within the supervisor's limit but beyond the officer's: the plan waits for the billing supervisor. */
  | { readonly outcome: 'needs-supervisor-approval'; readonly reason: string; readonly latestForOfficer: LocalDate }
  | { readonly outcome: 'refused'; readonly reason: string };

/**
 * How far a payment plan (maksusuunnitelma / avbetalningsplan) may push an invoice's payment:
 * a plan is a deferral of all but its first part, so it is bounded by the same role limits
 * (seed 000): the client-fee officer may make a plan whose last instalment falls at most
 * `officerMonths` (3) after the original due date; up to `supervisorMonths` (12) it needs the
 * billing supervisor's approval; further, nobody may. Without this bound an officer could push
 * payment out by years with a plan where a 4-month deferral needs the supervisor.
 */
export function decidePaymentPlanLimit(request: PaymentPlanLimitRequest): PaymentPlanLimitDecision {
  const original = parseLocalDate(request.originalDueDate, 'originalDueDate');
  if (!Array.isArray(request.instalmentDueDates) || request.instalmentDueDates.length === 0) {
    throw new DomainValidationError('must list the instalments’ due dates', 'instalmentDueDates');
  }
  const dates = request.instalmentDueDates.map((date, i) => parseLocalDate(date, `instalmentDueDates.${i}`));
  const last = dates.reduce((latest, date) => (compareLocalDates(date, latest) > 0 ? date : latest));
  const limits = deferralLimits(request.limits);
  const role = String(request.role);
  if (!mayDo(role, 'payment-plan.make')) {
    return { outcome: 'refused', reason: `role ${role || 'none'} may not make payment plans: ${whoMay('payment-plan.make').join(' and ')} do` };
  }
  // The billing supervisor plans within the supervisor's limit; everyone else who may, within the officer's.
  const officerLatest = addMonths(original, limits.officerMonths);
  const supervisorLatest = addMonths(original, limits.supervisorMonths);
  if (compareLocalDates(last, officerLatest) <= 0) return { outcome: 'granted' };
  if (compareLocalDates(last, supervisorLatest) <= 0) {
    if (role === BILLING_SUPERVISOR) return { outcome: 'granted' };
    return {
      outcome: 'needs-supervisor-approval',
      latestForOfficer: officerLatest,
      reason:
        `the last instalment ${last} is beyond the client-fee officer's limit of ${limits.officerMonths} months from the original due date ${original} ` +
        `(at the latest ${officerLatest}): a longer plan needs the billing supervisor's approval`,
    };
  }
  return {
    outcome: 'refused',
    reason:
      `the last instalment ${last} is beyond the billing supervisor's limit of ${limits.supervisorMonths} months from the original due date ${original} ` +
      `(at the latest ${supervisorLatest}); no role may make a longer plan`,
  };
}
