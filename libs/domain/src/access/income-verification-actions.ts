import type { ActionTable } from './action-rule';

/** The income-verification service (seed 001): consents, income data from the authorities, fee-decision proposals. */
export const INCOME_VERIFICATION_ACTIONS = {
  'income-determination.prepare': {
    roles: ['client-fee-officer'],
    what: 'Record a client’s consent and fetch income data from the authorities (every read is audited)',
  },
  'fee-decision.make': { roles: ['client-fee-officer'], what: 'Make the fee decision from the compiled income data (the official decides, never the machine)' },
} as const satisfies ActionTable;
