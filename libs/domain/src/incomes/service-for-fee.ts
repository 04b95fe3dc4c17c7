import type { DecidedService } from '../billing/types';
import { LONG_TERM_CARE_TYPES, type LongTermCareType } from '../fees/fi-long-term-care-tables';
import type { LocalDate } from '../dates/local-date';
import type { ServiceForFee } from './fee-proposal';

/** The service a fee decision is for, or why invoicing's decided services do not give one. */
export type ServiceForFeeFound = { readonly service: ServiceForFee; readonly serviceCode: string } | { readonly service: null; readonly reason: string };

const inForceOn = (service: DecidedService, on: LocalDate) => service.validFrom <= on && (service.validTo === null || service.validTo >= on);

/**
 * The service an income review's fee decision is for, from the client's decided services in
 * invoicing (palvelupäätös): the one FI home care or long-term care service in force on the
 * review date, with its hours or care type and what it costs to produce. None, several, or one
 * without its hours or care type: no service, with the reason (the officer names it).
 */
export function serviceForFeeOf(services: readonly DecidedService[], on: LocalDate): ServiceForFeeFound {
  const candidates = services.filter((s) => (s.kind === 'fi-home-care' || s.kind === 'fi-long-term-care') && inForceOn(s, on));
  if (candidates.length === 0) return { service: null, reason: `the client has no home care or long-term care service decided in invoicing on ${on}` };
  if (candidates.length > 1) {
    return { service: null, reason: `the client has ${candidates.length} home care or long-term care services in invoicing on ${on} (${candidates.map((s) => s.serviceCode).join(', ')}): name the one the fee is for` };
  }
  const [found] = candidates;
  if (found.kind === 'fi-home-care') {
    if (found.hoursPerMonth === null) return { service: null, reason: `home care ${found.serviceCode} in invoicing has no hours a month` };
    return { service: { kind: 'fi-home-care', hoursPerMonth: found.hoursPerMonth, serviceCost: found.serviceCost }, serviceCode: found.serviceCode };
  }
  if (!LONG_TERM_CARE_TYPES.includes(found.careType as LongTermCareType)) return { service: null, reason: `long-term care ${found.serviceCode} in invoicing has no care type the fee rules know` };
  return { service: { kind: 'fi-long-term-care', careType: found.careType as LongTermCareType, serviceCost: found.serviceCost }, serviceCode: found.serviceCode };
}
