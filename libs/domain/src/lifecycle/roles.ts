/**
 * The role names the lifecycle rules decide on. They are spelled exactly as the `Role` union in
 * libs/contracts (auth.ts), which the domain may not import; a contracts `Role` is a string, so
 * it can be passed wherever these functions take `role: string`.
 */
export type LifecycleRole = 'client-fee-officer' | 'billing-supervisor' | 'result-area-director' | 'finance-centre';

/** asiakasmaksutiimi / avgiftshandläggare: defers due dates up to the officer limit, makes payment plans. */
export const CLIENT_FEE_OFFICER = 'client-fee-officer' satisfies LifecycleRole;
/** laskutuspalveluiden esimies: decides deferrals beyond the officer limit, up to the supervisor limit. */
export const BILLING_SUPERVISOR = 'billing-supervisor' satisfies LifecycleRole;
/** tulosalueen johtaja / verksamhetschef: the only role that may waive collection of a justified invoice. */
export const RESULT_AREA_DIRECTOR = 'result-area-director' satisfies LifecycleRole;
/** talouspalvelukeskus / ekonomikontoret: credits invoices, recalls them from the agency, makes payment plans. */
export const FINANCE_CENTRE = 'finance-centre' satisfies LifecycleRole;
