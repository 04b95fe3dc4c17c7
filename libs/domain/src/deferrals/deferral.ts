import { LocalDate, addMonths, compareLocalDates, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { mayDo } from '../access/matrix';
import { BILLING_SUPERVISOR, CLIENT_FEE_OFFICER } from '../lifecycle/roles';
import { DeferralLimits, deferralLimits } from '../lifecycle/terms';

/** The roles that may move a due date (eräpäivän siirto / anstånd med betalning). */
export type DeferralRole = typeof CLIENT_FEE_OFFICER | typeof BILLING_SUPERVISOR;

export interface DeferralRequest {
  readonly originalDueDate: LocalDate;
  readonly requestedDueDate: LocalDate;
  /** The requester's role; any role name is accepted and those without deferral rights are refused. */
  readonly role: string;
  /** Defaults: officer 3 months, supervisor 12 months. */
  readonly limits?: Partial<DeferralLimits>;
  /** The client has died and the invoice goes to the estate (kuolinpesä / dödsbo). */
  readonly isEstate: boolean;
}

/** The limit a refusal ran into: how many months, the latest date it allows, and whose limit it is. */
export interface DeferralLimit {
  readonly months: number;
  readonly latestDueDate: LocalDate;
  readonly role: DeferralRole;
}

export type DeferralDecision =
  | { readonly outcome: 'granted' }
  | { readonly outcome: 'needs-supervisor-approval' }
  | { readonly outcome: 'refused'; readonly reason: string; readonly limit: DeferralLimit | null; readonly role: string };

const ROLE_NAMES: Record<DeferralRole, string> = {
  [CLIENT_FEE_OFFICER]: 'the client-fee officer',
  [BILLING_SUPERVISOR]: 'the billing supervisor',
};

export function isDeferralRole(role: string): role is DeferralRole {
  return mayDo(role, 'deferral.grant');
}

/**
 * Decides a request to move an invoice's due date (seed 000): the client-fee team may defer up
 * to 3 calendar months past the original due date; longer, up to 12 months, is the billing
 * supervisor's decision, so an officer's request then waits for the supervisor. Estates never
 * go through this path: the billing team handles them by hand (docs/domain.md §3).
 *
 * Months are calendar months with month-end clamping: 30.11. + 3 months = 28.2. (or 29.2.).
 */
export function decideDeferral(request: DeferralRequest): DeferralDecision {
  const original = parseLocalDate(request.originalDueDate, 'originalDueDate');
  const requested = parseLocalDate(request.requestedDueDate, 'requestedDueDate');
  if (typeof request.isEstate !== 'boolean') throw new DomainValidationError('must be true or false', 'isEstate');
  const limits = deferralLimits(request.limits);
  const role = String(request.role);
  const refuse = (reason: string, limit: DeferralLimit | null = null): DeferralDecision => ({ outcome: 'refused', reason, limit, role });

  if (request.isEstate) return refuse('estates are handled manually by the billing team');
  if (!isDeferralRole(role)) {
    return refuse(
      `role ${role} may not defer due dates: the client-fee officer grants up to ${limits.officerMonths} months and the billing supervisor up to ${limits.supervisorMonths} months`,
    );
  }
  if (compareLocalDates(requested, original) <= 0) {
    return refuse(`the requested due date ${requested} is not after the original due date ${original}`);
  }

  const officerLimit: DeferralLimit = { months: limits.officerMonths, latestDueDate: addMonths(original, limits.officerMonths), role: CLIENT_FEE_OFFICER };
  const supervisorLimit: DeferralLimit = { months: limits.supervisorMonths, latestDueDate: addMonths(original, limits.supervisorMonths), role: BILLING_SUPERVISOR };
  if (compareLocalDates(requested, officerLimit.latestDueDate) <= 0) return { outcome: 'granted' };
  if (compareLocalDates(requested, supervisorLimit.latestDueDate) <= 0) {
    return role === BILLING_SUPERVISOR ? { outcome: 'granted' } : { outcome: 'needs-supervisor-approval' };
  }
  return refuse(
    `the requested due date ${requested} is beyond ${ROLE_NAMES[BILLING_SUPERVISOR]}'s limit of ${supervisorLimit.months} months ` +
      `(at the latest ${supervisorLimit.latestDueDate}); no role may defer further (requested by ${ROLE_NAMES[role]})`,
    supervisorLimit,
  );
}
