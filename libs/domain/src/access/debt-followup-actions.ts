import type { ActionTable } from './action-rule';

/** The debt-followup service (seed 004, Söderköping debt routine). */
export const DEBT_FOLLOWUP_ACTIONS = {
  'debt-case.work': {
    roles: ['caseworker', 'client-fee-officer'],
    what: 'Contact clients with debts, offer support, report the need for a guardian',
  },
} as const satisfies ActionTable;
