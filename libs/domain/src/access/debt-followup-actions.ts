import type { ActionTable } from './action-rule';

/** The debt-followup service (seed 004, Söderköping debt routine). */
export const DEBT_FOLLOWUP_ACTIONS = {
  'debt-case.work': {
    roles: ['caseworker', 'client-fee-officer', 'debt-adviser'],
    what: 'Contact clients with debts, offer support, report the need for a guardian; follow estates and debt restructurings',
  },
  'debt-escalation.read': { roles: ['deputy-head-of-social-services'], what: 'Be told when a client’s debts grow (three months of claims)' },
} as const satisfies ActionTable;
