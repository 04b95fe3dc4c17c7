import type { Role } from '@clientfees/contracts';

/** Who reads billing data. */
export const READ_ROLES: Role[] = ['client-fee-officer', 'billing-supervisor', 'finance-centre', 'unit-manager'];
/** The billing team: settings, incomes, decided services, corrections of anything; billing runs. */
export const BILLING_TEAM: Role[] = ['client-fee-officer', 'billing-supervisor'];
/** Registrations and absences are also the unit manager's. */
export const UNIT_AND_BILLING_TEAM: Role[] = ['unit-manager', 'client-fee-officer', 'billing-supervisor'];
