import type { BillingActivities } from './billing';
import type { CollectionActivities } from './collection';
import type { InvoicingActivities } from './invoicing';
import type { PlatformActivitiesContract } from './services';
import type { WhatIfActivities } from './what-if';

/**
 * The methods of an activity interface, named at run time: a service's Temporal worker registers
 * exactly these, bound to the implementation the service names for the contract (ADR 0010).
 * Interfaces vanish when TypeScript compiles, so the names are spelled out once here, and
 * `activityContract` refuses at compile time a list that misses one of the interface's methods.
 */
export interface ActivityContract<T> {
  /** The interface's name, for errors and logs. */
  readonly name: string;
  readonly methods: ReadonlyArray<keyof T & string>;
}

type Missing<T, Names extends readonly string[]> = Exclude<keyof T & string, Names[number]>;

/** `activityContract<I>()('I', [...every method of I])`: a list that forgets one does not compile. */
export function activityContract<T>() {
  return <const Names extends ReadonlyArray<keyof T & string>>(
    name: string,
    methods: Names & ([Missing<T, Names>] extends [never] ? unknown : { readonly missingMethods: Missing<T, Names> }),
  ): ActivityContract<T> => Object.freeze({ name, methods: Object.freeze([...methods]) });
}

export const PLATFORM_ACTIVITY_CONTRACT = activityContract<PlatformActivitiesContract>()('PlatformActivities', ['checkServiceHealth']);

export const INVOICING_ACTIVITY_CONTRACT = activityContract<InvoicingActivities>()('InvoicingActivities', [
  'setInvoiceDueDate',
  'recordInvoiceState',
  'applyDeferral',
  'openDeferralApproval',
  'remindDeferralApprover',
  'closeDeferralApproval',
  'recordCreditNote',
  'listInvoicesForTransferRun',
]);

export const BILLING_ACTIVITY_CONTRACT = activityContract<BillingActivities>()('BillingActivities', [
  'openBillingRun',
  'reselectBillingClients',
  'calculateBillingBatch',
  'recalculateBillingClient',
  'countBillingRun',
  'setBillingRunState',
  'createBillingInvoices',
  'billingApprovalReminderAt',
  'remindBillingApprover',
  'startBillingLifecycles',
]);

export const COLLECTION_ACTIVITY_CONTRACT = activityContract<CollectionActivities>()('CollectionActivities', [
  'sendReminder',
  'transferToAgency',
  'recallFromAgency',
  'tellAgencyOfPaymentPlan',
]);

export const REVIEW_ACTIVITY_CONTRACT = activityContract<import('./income-verification').ReviewActivities>()('ReviewActivities', [
  'checkConsent', 'beginReview', 'setReviewState', 'reportFetchProblem', 'summariseIncomes', 'proposeFee', 'summariseAndPropose', 'reviewReminderAt', 'remindOfficer', 'recordDecision', 'feeDecisionForInvoicing', 'endDecisionsOnDeath', 'markDeathReported', 'reportAddressChange', 'startDueYearlyReviews',
]);
export const FEE_DECISION_ACTIVITY_CONTRACT = activityContract<import('./income-verification').FeeDecisionActivities>()('FeeDecisionActivities', ['recordFeeDecision']);
export const INCOMES_REGISTER_ACTIVITY_CONTRACT = activityContract<import('./income-verification').IncomesRegisterActivities>()('IncomesRegisterActivities', ['fetchIncomesRegister']);
export const POPULATION_REGISTER_ACTIVITY_CONTRACT = activityContract<import('./income-verification').PopulationRegisterActivities>()('PopulationRegisterActivities', ['fetchPopulationRecord', 'pollPopulationChanges']);
export const TAX_ADMINISTRATION_ACTIVITY_CONTRACT = activityContract<import('./income-verification').TaxAdministrationActivities>()('TaxAdministrationActivities', ['fetchTaxation']);
export const WHAT_IF_ACTIVITY_CONTRACT = activityContract<WhatIfActivities>()('WhatIfActivities', ['planWhatIfRun', 'compareWhatIfBatch', 'completeWhatIfRun', 'failWhatIfRun']);
