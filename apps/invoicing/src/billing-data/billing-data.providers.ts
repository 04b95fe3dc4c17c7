/** The billing-data controllers and providers the invoicing module mounts. */
export const BILLING_DATA_CONTROLLERS = [];
export const BILLING_DATA_PROVIDERS = [];
