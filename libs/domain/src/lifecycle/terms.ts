import type { Country } from '../country';
import type { IsoWeekday } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { requireInteger } from '../internal/integers';
import { currencyOfCountry } from '../money/currency';
import { Money } from '../money/money';
import { checkTransferSchedule } from './transfer-schedule';

/**
 * When the finance centre transfers overdue invoices to the collection agency: weekly on a
 * weekday (seed 000: "siirtoajot viikoittain pääsääntöisesti tiistaina") or monthly on a day of
 * the month (seed 004: "Den 15:e varje månad … till Visma").
 */
export type TransferSchedule =
  | { readonly kind: 'weekly'; readonly isoWeekday: IsoWeekday }
  | { readonly kind: 'monthly'; readonly dayOfMonth: number };

/**
 * What to do when a transfer run or a reminder due date falls on a day the banks are closed.
 * The seed only says transfers run "normally" on Tuesday, so the default keeps the schedule as
 * it is; an organisation whose finance centre does not run on holidays chooses
 * `next-banking-day`.
 */
export type ClosedDayPolicy = 'as-scheduled' | 'next-banking-day';

/** The part of the terms that fixes an unpaid invoice's dates. */
export interface TimelineTerms {
  /** Calendar days from the invoice date (maksuaika 14 päivää). */
  readonly paymentTermDays: number;
  /** Banking days added after the payment term (+ 3 pankkipäivää). */
  readonly bankingDays: number;
  /** Days after the due date before an invoice may go to the agency's reminder service (17). */
  readonly transferAfterDaysOverdue: number;
  readonly transferSchedule: TransferSchedule;
  /** Days from the transfer run (when the reminder is sent) to the reminder's own due date. */
  readonly reminderDueDays: number;
  readonly closedDays: ClosedDayPolicy;
}

/** Fees the organisation charges along the lifecycle; each is checked against its legal cap. */
export type LifecycleFeeKind = 'reminder' | 'collectionDemand' | 'repaymentPlan';

export interface LifecycleFees {
  /** maksumuistutusmaksu / påminnelseavgift */
  readonly reminder: Money;
  /** inkassokrav: only where a cap is on record (Sweden). */
  readonly collectionDemand?: Money;
  /** avbetalningsplan / amorteringsplan: only where a cap is on record (Sweden). */
  readonly repaymentPlan?: Money;
}

/** How far past the original due date each role may move it, in calendar months. */
export interface DeferralLimits {
  /** Client-fee officer (asiakasmaksutiimi): "oikeus enintään 3 kk siirroille". */
  readonly officerMonths: number;
  /** Billing supervisor (laskutuspalveluiden esimies): "oikeus enintään 12 kk siirrolle". */
  readonly supervisorMonths: number;
}

/** An organisation's invoice-lifecycle terms: validated, complete and frozen. */
export interface LifecycleTerms extends TimelineTerms {
  readonly country: Country;
  readonly fees: LifecycleFees;
  readonly deferralLimits: DeferralLimits;
}

/** What an organisation may configure; anything left out takes the default. */
export interface LifecycleTermsInput extends Partial<TimelineTerms> {
  readonly fees?: Partial<LifecycleFees>;
  readonly deferralLimits?: Partial<DeferralLimits>;
}

export interface FeeCap {
  readonly cap: Money;
  readonly source: string;
}

export const DEFAULT_TRANSFER_SCHEDULE: TransferSchedule = Object.freeze({ kind: 'weekly', isoWeekday: 2 });

export const DEFAULT_TIMELINE_TERMS: TimelineTerms = Object.freeze({
  paymentTermDays: 14,
  bankingDays: 3,
  transferAfterDaysOverdue: 17,
  transferSchedule: DEFAULT_TRANSFER_SCHEDULE,
  reminderDueDays: 14,
  closedDays: 'as-scheduled',
});

export const DEFAULT_DEFERRAL_LIMITS: DeferralLimits = Object.freeze({ officerMonths: 3, supervisorMonths: 12 });

/** Seed 000 charges 2.10 € for a reminder; the Swedish default is the statutory 60 kr. */
export const DEFAULT_REMINDER_FEES: Readonly<Record<Country, Money>> = Object.freeze({
  FI: Money.parse('2.10', 'EUR'),
  SE: Money.parse('60', 'SEK'),
});

// The Swedish amounts moved from förordning 1981:1057 into the act itself on 16.3.2013.
const SE_COLLECTION_COSTS_ACT = 'lagen (1981:739) om ersättning för inkassokostnader m.m.';

/**
 * Legal maximums (docs/reference.md). Finland caps only the creditor's reminder fee here; collection
 * costs in Finland are the agency's own charges, so the product does not configure them.
 */
export const LIFECYCLE_FEE_CAPS: Readonly<Record<Country, Readonly<Partial<Record<LifecycleFeeKind, FeeCap>>>>> = Object.freeze({
  FI: Object.freeze({
    reminder: { cap: Money.parse('5.00', 'EUR'), source: 'laki saatavien perinnästä 513/1999' },
  }),
  SE: Object.freeze({
    reminder: { cap: Money.parse('60', 'SEK'), source: SE_COLLECTION_COSTS_ACT },
    collectionDemand: { cap: Money.parse('180', 'SEK'), source: SE_COLLECTION_COSTS_ACT },
    repaymentPlan: { cap: Money.parse('170', 'SEK'), source: SE_COLLECTION_COSTS_ACT },
  }),
});

const FEE_NAMES: Record<LifecycleFeeKind, string> = {
  reminder: 'a reminder fee',
  collectionDemand: 'a collection-demand fee',
  repaymentPlan: 'a repayment-plan fee',
};

/**
 * Finnish law lets a reminder go out at the earliest 14 days after the due date (docs/reference.md);
 * the reminder goes out with the transfer, so the transfer may not come sooner.
 */
export const FI_EARLIEST_REMINDER_DAYS_AFTER_DUE = 14;

const MAX_DAYS = 366;
const MAX_DEFERRAL_MONTHS = 120;

/** Refuses a fee in the wrong currency, a negative fee, a fee above its cap, or one with no cap on record. */
export function checkLifecycleFee(country: Country, kind: LifecycleFeeKind, fee: Money): Money {
  const field = `fees.${kind}`;
  if (!(fee instanceof Money)) throw new DomainValidationError('must be an amount of money', field);
  const currency = currencyOfCountry(country);
  if (fee.currency !== currency) throw new DomainValidationError(`must be in ${currency} for ${country}`, field);
  if (fee.isNegative()) throw new DomainValidationError('must not be negative', field);
  const cap = LIFECYCLE_FEE_CAPS[country][kind];
  if (!cap) throw new DomainValidationError(`no legal cap is on record for ${FEE_NAMES[kind]} in ${country}, so it cannot be configured`, field);
  if (fee.isGreaterThan(cap.cap)) {
    throw new DomainValidationError(
      `${fee.toString()} is above the legal cap of ${cap.cap.toString()} for ${FEE_NAMES[kind]} in ${country} (${cap.source})`,
      field,
    );
  }
  return fee;
}

/** Complete, checked timeline terms; anything missing takes the default. */
export function timelineTerms(input: Partial<TimelineTerms> = {}): TimelineTerms {
  const closedDays = input.closedDays ?? DEFAULT_TIMELINE_TERMS.closedDays;
  if (closedDays !== 'as-scheduled' && closedDays !== 'next-banking-day') {
    throw new DomainValidationError('must be "as-scheduled" or "next-banking-day"', 'closedDays');
  }
  return Object.freeze({
    paymentTermDays: requireInteger(input.paymentTermDays ?? DEFAULT_TIMELINE_TERMS.paymentTermDays, 'paymentTermDays', 0, 3660),
    bankingDays: requireInteger(input.bankingDays ?? DEFAULT_TIMELINE_TERMS.bankingDays, 'bankingDays', 0, MAX_DAYS),
    transferAfterDaysOverdue: requireInteger(
      input.transferAfterDaysOverdue ?? DEFAULT_TIMELINE_TERMS.transferAfterDaysOverdue,
      'transferAfterDaysOverdue',
      0,
      MAX_DAYS,
    ),
    transferSchedule: checkTransferSchedule(input.transferSchedule ?? DEFAULT_TIMELINE_TERMS.transferSchedule),
    reminderDueDays: requireInteger(input.reminderDueDays ?? DEFAULT_TIMELINE_TERMS.reminderDueDays, 'reminderDueDays', 1, MAX_DAYS),
    closedDays,
  });
}

/** The officer's limit may be 0 (every deferral to the supervisor), never above the supervisor's. */
export function deferralLimits(input: Partial<DeferralLimits> = {}): DeferralLimits {
  const officerMonths = requireInteger(input.officerMonths ?? DEFAULT_DEFERRAL_LIMITS.officerMonths, 'deferralLimits.officerMonths', 0, MAX_DEFERRAL_MONTHS);
  const supervisorMonths = requireInteger(
    input.supervisorMonths ?? DEFAULT_DEFERRAL_LIMITS.supervisorMonths,
    'deferralLimits.supervisorMonths',
    0,
    MAX_DEFERRAL_MONTHS,
  );
  if (supervisorMonths < officerMonths) {
    throw new DomainValidationError(
      `must not be below the client-fee officer's limit of ${officerMonths} months, since the supervisor decides the longer deferrals`,
      'deferralLimits.supervisorMonths',
    );
  }
  return Object.freeze({ officerMonths, supervisorMonths });
}

/**
 * An organisation's lifecycle terms with the defaults of seed 000: payment term 14 days + 3
 * banking days, transfer 17 days after the due date on the weekly Tuesday run, reminder due 14
 * days after it, reminder fee 2.10 € (FI) or 60 kr (SE), deferrals up to 3 / 12 months.
 */
export function lifecycleTerms(country: Country, input: LifecycleTermsInput = {}): LifecycleTerms {
  if (country !== 'FI' && country !== 'SE') throw new DomainValidationError('must be FI or SE', 'country');
  const timeline = timelineTerms(input);
  if (country === 'FI' && timeline.transferAfterDaysOverdue < FI_EARLIEST_REMINDER_DAYS_AFTER_DUE) {
    throw new DomainValidationError(
      `must be at least ${FI_EARLIEST_REMINDER_DAYS_AFTER_DUE} in FI: the reminder sent with the transfer may go out at the earliest ${FI_EARLIEST_REMINDER_DAYS_AFTER_DUE} days after the due date`,
      'transferAfterDaysOverdue',
    );
  }
  const given = input.fees ?? {};
  const fees: LifecycleFees = Object.freeze({
    reminder: checkLifecycleFee(country, 'reminder', given.reminder ?? DEFAULT_REMINDER_FEES[country]),
    ...(given.collectionDemand === undefined ? {} : { collectionDemand: checkLifecycleFee(country, 'collectionDemand', given.collectionDemand) }),
    ...(given.repaymentPlan === undefined ? {} : { repaymentPlan: checkLifecycleFee(country, 'repaymentPlan', given.repaymentPlan) }),
  });
  return Object.freeze({ country, ...timeline, fees, deferralLimits: deferralLimits(input.deferralLimits) });
}

export function defaultLifecycleTerms(country: Country): LifecycleTerms {
  return lifecycleTerms(country);
}
