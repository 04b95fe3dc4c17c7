import type { ActionTable } from './action-rule';

const OFFICER = 'client-fee-officer';
const SUPERVISOR = 'billing-supervisor';
const DIRECTOR = 'result-area-director';
const FINANCE = 'finance-centre';
const CASEWORKER = 'caseworker';
const ADMIN = 'administrator';
const PROVIDER = 'service-provider';
const OWN_COMPANY = 'a provider user acts only for the provider its token names; another provider’s data is not found';

/** The provider-settlement service (seed 003, Kouvola service-voucher manual). */
export const PROVIDER_SETTLEMENT_ACTIONS = {
  'organisation.configure-settlement': {
    roles: [ADMIN],
    what: 'Set the organisation’s settlement settings (payer account, payment term) and its voucher services, contents and mandatory attachments',
  },
  'rule-table.amend-interruptions': { roles: [ADMIN], what: 'Add a dated interruption rule for a service and reason' },
  'voucher-data.read': {
    roles: [OFFICER, SUPERVISOR, FINANCE, CASEWORKER, DIRECTOR, PROVIDER],
    what: 'See providers, applications, price lists, vouchers, events, interruptions, own shares, settlements, feedback and reports',
    condition: OWN_COMPANY,
  },
  'provider.register': { roles: [PROVIDER, OFFICER, SUPERVISOR], what: 'Register a provider company', condition: 'a provider user registers the provider its token names' },
  'provider.maintain': { roles: [PROVIDER, OFFICER, SUPERVISOR], what: 'Add a provider’s units and contacts and change its bank account', condition: OWN_COMPANY },
  'provider.apply': { roles: [PROVIDER], what: 'Upload attachments and draft and send applications to provide a service', condition: OWN_COMPANY },
  'provider-application.decide': { roles: [OFFICER, SUPERVISOR], what: 'Approve (from a date), return for changes or reject a provider’s application, with grounds' },
  'provider-service.record': {
    roles: [PROVIDER],
    what: 'Maintain the provider’s price lists, reservations, service events and interruptions, and answer feedback',
    condition: OWN_COMPANY,
  },
  'provider-price-list.decide': { roles: [OFFICER, SUPERVISOR], what: 'Approve or reject a provider’s price list (an approved list is never changed)' },
  'voucher.grant': { roles: [CASEWORKER, OFFICER], what: 'Grant service vouchers and record a voucher client’s death (the vouchers close the day after)' },
  'voucher-event.decide': {
    roles: [OFFICER, SUPERVISOR],
    what: 'Decide events past the granted amount (approve, reject, approve with a credit request) and request credits for erroneous events',
  },
  'voucher-settlement.start': { roles: [OFFICER, SUPERVISOR, FINANCE], what: 'Start a month’s settlement before its Schedule does' },
  'voucher-feedback.record': { roles: [CASEWORKER, OFFICER, SUPERVISOR], what: 'Record a client’s feedback on a provider (thanks, complaint, reclamation)' },
} as const satisfies ActionTable;
