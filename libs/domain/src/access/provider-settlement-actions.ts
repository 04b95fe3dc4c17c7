import type { ActionTable } from './action-rule';

/** The provider-settlement service (seed 003, Kouvola service-voucher manual). */
export const PROVIDER_SETTLEMENT_ACTIONS = {
  'provider-service.record': {
    roles: ['service-provider'],
    what: 'Maintain the provider’s price lists, reservations, service events and interruptions',
    condition: 'a provider user acts only for the provider its token names',
  },
} as const satisfies ActionTable;
