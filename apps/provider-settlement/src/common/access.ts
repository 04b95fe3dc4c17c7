import type { AccessClaims, Role } from '@clientfees/contracts';
import { VOUCHER_ADMINISTRATOR_ROLES } from '@clientfees/contracts';
import { scopeOf } from '@clientfees/platform';

/** The municipality's staff who read voucher data. */
export const MUNICIPALITY_READERS: Role[] = ['client-fee-officer', 'billing-supervisor', 'finance-centre', 'caseworker', 'result-area-director', 'administrator'];
/** Decide applications, price lists, overruns and credits (palvelusetelien pääkäyttäjät). */
export const DECIDERS: Role[] = [...VOUCHER_ADMINISTRATOR_ROLES];
/** Grant vouchers and record deaths. */
export const VOUCHER_GRANTERS: Role[] = ['caseworker', 'client-fee-officer', 'administrator'];
export const PROVIDER: Role = 'service-provider';
export const EVERYONE: Role[] = [...MUNICIPALITY_READERS, PROVIDER];

/** A service-provider user's own provider, or undefined for the municipality's staff (who see every provider). */
export function providerFilter(user: AccessClaims): string | undefined {
  return scopeOf(user).providerBound ? user.providerId : undefined;
}
