import type { Country } from '../country';
import { isOnOrBefore, parseLocalDate } from '../dates/local-date';
import type { Currency } from '../money/currency';
import { DateRange, intersect, rangeOf } from './proration';
import type { BillingPeriod, BillingSettingsSnapshot, ClientBillingInput, DecidedService, PriceListItem, RuleTableSet } from './types';

/** What every part of one client's calculation needs to know. */
export interface ClientContext {
  readonly client: ClientBillingInput;
  readonly country: Country;
  readonly currency: Currency;
  readonly period: BillingPeriod;
  /** The whole month, first to last day. */
  readonly month: DateRange;
  readonly daysInMonth: number;
  /** The other client of a couple's household, if the household has one. */
  readonly spouse: ClientBillingInput | null;
  readonly priceList: ReadonlyMap<string, PriceListItem>;
  readonly tables: RuleTableSet;
}

/** The client's settings once the checks have found them present. */
export interface SettledContext extends ClientContext {
  readonly settings: BillingSettingsSnapshot;
}

export const INCOME_BASED_KINDS: readonly DecidedService['kind'][] = Object.freeze(['fi-home-care', 'fi-long-term-care', 'se-elderly-care']);

export function isIncomeBased(service: DecidedService): boolean {
  return INCOME_BASED_KINDS.includes(service.kind);
}

export function serviceField(service: DecidedService, field?: string): string {
  return field === undefined ? `services.${service.serviceCode}` : `services.${service.serviceCode}.${field}`;
}

/** The days of the month a decided service is valid, or null when it is not valid in the month. */
export function serviceCoverage(service: DecidedService, month: DateRange): DateRange | null {
  const valid = rangeOf(service.validFrom, service.validTo, month.to, { from: serviceField(service, 'validFrom'), to: serviceField(service, 'validTo') });
  return intersect(valid, month);
}

/**
 * Services valid in the month, in input order. A service with unreadable dates counts as valid
 * here so that the calculation reaches it and reports the dates as invalid input.
 */
export function servicesInPeriod(client: ClientBillingInput, month: DateRange): DecidedService[] {
  return client.services.filter((service) => {
    try {
      return serviceCoverage(service, month) !== null;
    } catch {
      return true;
    }
  });
}

/** The spouse is in long-term care when a fi-long-term-care service of theirs is valid in the month. */
export function isInLongTermCare(client: ClientBillingInput, month: DateRange): boolean {
  return servicesInPeriod(client, month).some((service) => service.kind === 'fi-long-term-care');
}

/** Died on or before the period's last day: the estate (kuolinpesä / dödsbo) is then invoiced. */
export function isDeceased(client: ClientBillingInput, month: DateRange): boolean {
  return client.dateOfDeath !== null && isOnOrBefore(parseLocalDate(client.dateOfDeath, 'dateOfDeath'), month.to);
}
