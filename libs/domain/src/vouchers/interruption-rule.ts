import { LocalDate, addDays, daysBetween, parseLocalDate } from '../dates/local-date';
import { DomainValidationError } from '../errors';
import { requireInteger } from '../internal/integers';

/**
 * Interruptions (keskeytys) of a continuing daily service — service housing and enhanced
 * service housing — and what the municipality compensates for each day of them (seed 003,
 * Kouvola service-voucher manual, §4.3.5 and §4.3.5.1).
 *
 * The rule is dated data per service and per reason, because the municipality sets the
 * percentages ("Maksuprosentit ovat palvelu- ja keskeytyssyykohtaisia") and changes them.
 */

/** Why the client is away: sairaala / loma / muu syy (seed 003 §4.3.5, step 1). */
export const INTERRUPTION_REASONS = ['hospital', 'holiday', 'other'] as const;
export type InterruptionReason = (typeof INTERRUPTION_REASONS)[number];

export function isInterruptionReason(value: unknown): value is InterruptionReason {
  return typeof value === 'string' && (INTERRUPTION_REASONS as readonly string[]).includes(value);
}

/** Days `fromDay`…`toDay` (null: every later day) of an interruption, counted from the departure day 0. */
export interface InterruptionBand {
  readonly fromDay: number;
  readonly toDay: number | null;
  /** Whole percent of the day's voucher value the municipality pays, 0-100. */
  readonly percent: number;
}

export interface InterruptionRule {
  /** The rule applies to interruptions that start on or after this date. */
  readonly validFrom: LocalDate;
  /** The service it is for; null for every service without a rule of its own. */
  readonly serviceCode: string | null;
  /** The reason it is for; null for every reason without a rule of its own. */
  readonly reason: InterruptionReason | null;
  /** Contiguous from day 0; the last band is open-ended. */
  readonly bands: readonly InterruptionBand[];
  /** The return day (paluupäivä): "Loppupäivästä maksetaan aina normaali maksu (100%)". */
  readonly returnDayPercent: number;
}

/**
 * Kouvola's rule for service housing and enhanced service housing from 1.1.2016 (seed 003
 * §4.3.5.1): the departure day (day 0) and the next 10 days at 100 %, later days at 0 %, the
 * return day at 100 %. It is the organisation default: an organisation's own rules take its place.
 */
export const KOUVOLA_2016_INTERRUPTION_RULE: InterruptionRule = Object.freeze({
  validFrom: '2016-01-01',
  serviceCode: null,
  reason: null,
  bands: Object.freeze([Object.freeze({ fromDay: 0, toDay: 10, percent: 100 }), Object.freeze({ fromDay: 11, toDay: null, percent: 0 })]),
  returnDayPercent: 100,
});

/** Longest interruption the rule splits: ten years of days. */
const MAX_INTERRUPTION_DAYS = 3660;

function requirePercent(value: number, field: string): number {
  return requireInteger(value, field, 0, 100);
}

/** Checks a rule as an administrator enters it; the error names the field at fault. */
export function validateInterruptionRule(rule: InterruptionRule): InterruptionRule {
  const validFrom = parseLocalDate(rule.validFrom, 'validFrom');
  if (rule.reason !== null && !isInterruptionReason(rule.reason)) {
    throw new DomainValidationError(`must be one of ${INTERRUPTION_REASONS.join(', ')} or null`, 'reason');
  }
  if (!Array.isArray(rule.bands) || rule.bands.length === 0) throw new DomainValidationError('must list at least one band of days', 'bands');
  let expectedFrom = 0;
  rule.bands.forEach((band, index) => {
    const at = `bands.${index}`;
    if (requireInteger(band.fromDay, `${at}.fromDay`, 0) !== expectedFrom) {
      throw new DomainValidationError(`must be ${expectedFrom}: the bands run on from day 0 without gaps`, `${at}.fromDay`);
    }
    const last = index === rule.bands.length - 1;
    if (last && band.toDay !== null) throw new DomainValidationError('the last band must be open-ended (toDay null)', `${at}.toDay`);
    if (!last) {
      if (band.toDay === null) throw new DomainValidationError('only the last band may be open-ended', `${at}.toDay`);
      if (requireInteger(band.toDay, `${at}.toDay`, 0) < band.fromDay) throw new DomainValidationError('must not be before fromDay', `${at}.toDay`);
      expectedFrom = band.toDay + 1;
    }
    requirePercent(band.percent, `${at}.percent`);
  });
  requirePercent(rule.returnDayPercent, 'returnDayPercent');
  return Object.freeze({ ...rule, validFrom, bands: Object.freeze(rule.bands.map((band) => Object.freeze({ ...band }))) });
}

/**
 * The rule for an interruption of `serviceCode` for `reason` that starts on `startDate`: of the
 * rules in force that day (the latest `validFrom` on or before it for each service and reason),
 * the most specific — service and reason, then service, then reason, then the general one. An
 * organisation without a rule gets the default (Kouvola's rule of 2016).
 */
export function chooseInterruptionRule(
  rules: readonly InterruptionRule[],
  query: { serviceCode: string; reason: InterruptionReason; startDate: LocalDate },
  fallback: InterruptionRule = KOUVOLA_2016_INTERRUPTION_RULE,
): InterruptionRule {
  const startDate = parseLocalDate(query.startDate, 'startDate');
  const specificity = (rule: InterruptionRule) => (rule.serviceCode === null ? 0 : 2) + (rule.reason === null ? 0 : 1);
  const applicable = rules.filter(
    (rule) =>
      rule.validFrom <= startDate &&
      (rule.serviceCode === null || rule.serviceCode === query.serviceCode) &&
      (rule.reason === null || rule.reason === query.reason),
  );
  const best = [...applicable].sort((a, b) => specificity(b) - specificity(a) || (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0];
  return best ?? fallback;
}

export type InterruptionDayKind = 'departure' | 'away' | 'return' | 'departure-and-return';

export interface InterruptionDay {
  readonly date: LocalDate;
  /** 0 for the departure day, 1 for the next, … (the seed's "(0)", "(1)" … "(10)"). */
  readonly dayNumber: number;
  readonly kind: InterruptionDayKind;
  readonly percent: number;
}

export interface InterruptionSplit {
  readonly days: readonly InterruptionDay[];
  /** Days the municipality pays something for (percent above 0). */
  readonly compensatedDays: number;
  readonly uncompensatedDays: number;
}

function bandPercent(rule: InterruptionRule, dayNumber: number): number {
  const band = rule.bands.find((candidate) => dayNumber >= candidate.fromDay && (candidate.toDay === null || dayNumber <= candidate.toDay));
  // validateInterruptionRule guarantees an open-ended last band, so every day number has one.
  return (band ?? rule.bands[rule.bands.length - 1]).percent;
}

/**
 * Splits an interruption from the departure day `startDate` to `endDate`, both included, into
 * days at the rule's percentages (seed 003 §4.3.5.1: departure 2.7., return 17.7. → 2.7. day 0
 * and 3.-12.7. days 1-10 at 100 %, 13.-16.7. at 0 %, 17.7. the return day at 100 %).
 *
 * `returned: false` is a client who never comes back (§4.3.5.5): the provider gives the day it
 * learnt of it as the end date. Decision: that day is no return day — the client is not in the
 * unit — so it is counted by its day number like the days before it.
 */
export function splitInterruption(startDate: LocalDate, endDate: LocalDate, rule: InterruptionRule = KOUVOLA_2016_INTERRUPTION_RULE, options: { returned?: boolean } = {}): InterruptionSplit {
  const start = parseLocalDate(startDate, 'start');
  const end = parseLocalDate(endDate, 'end');
  const length = daysBetween(start, end);
  if (length < 0) throw new DomainValidationError(`must not be before the start (${start})`, 'end');
  if (length >= MAX_INTERRUPTION_DAYS) throw new DomainValidationError(`an interruption may last at most ${MAX_INTERRUPTION_DAYS} days`, 'end');
  const returned = options.returned ?? true;
  const days: InterruptionDay[] = [];
  for (let dayNumber = 0; dayNumber <= length; dayNumber++) {
    const date = addDays(start, dayNumber);
    const isReturn = returned && dayNumber === length;
    if (isReturn && dayNumber === 0) {
      // Gone and back the same day: the client spent the day in the unit.
      days.push({ date, dayNumber, kind: 'departure-and-return', percent: Math.max(bandPercent(rule, 0), rule.returnDayPercent) });
    } else if (isReturn) {
      days.push({ date, dayNumber, kind: 'return', percent: rule.returnDayPercent });
    } else {
      days.push({ date, dayNumber, kind: dayNumber === 0 ? 'departure' : 'away', percent: bandPercent(rule, dayNumber) });
    }
  }
  const compensatedDays = days.filter((day) => day.percent > 0).length;
  return Object.freeze({ days: Object.freeze(days), compensatedDays, uncompensatedDays: days.length - compensatedDays });
}
