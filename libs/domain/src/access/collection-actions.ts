import type { ActionTable } from './action-rule';

/** The collection service: reminders, agency transfers and the agency's reports (seed 000, seed 004). */
export const COLLECTION_ACTIONS = {
  'reminder.read': { roles: ['finance-centre', 'client-fee-officer'], what: 'See the reminders sent through the agency’s reminder service' },
  'agency-case.read': { roles: ['finance-centre'], what: 'See an invoice’s case at the collection agency and its reports' },
  'agency-report.submit': {
    roles: ['collection-agency'],
    what: 'Report a case’s status (paid, payment plan, returned) or a step against an estate',
    condition: 'a "paid" report is a payment-ledger entry; fees the agency charges are checked against the legal cap',
  },
} as const satisfies ActionTable;
