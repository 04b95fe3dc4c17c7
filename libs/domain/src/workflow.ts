// The domain as Temporal workflow code may import it: `@clientfees/domain/workflow`.
//
// Everything here is also in the full index (`@clientfees/domain`); what is left out is what a
// workflow has no business computing itself and what would weigh on every workflow context the
// worker caches: the banking calendar (date-holidays and, through it, moment-timezone and
// astronomical tables: ~9 MB of bundle), due dates, identifiers, fee tables, interest.
// invoiceLifecycle gets its due date, transfer-eligible date and the deferral approver's reminder
// date from activities (setInvoiceDueDate, openDeferralApproval), which use the full domain in the
// invoicing service; the workflow only compares and moves calendar dates, and finds the instant a
// date ends in the organisation's time zone.
//
// Only modules that import nothing beyond decimal.js may be listed here; workflow.spec.ts checks
// that date-holidays stays out, and ESLint keeps workflow code on this entry point.
export * from './errors';
export * from './country';
export * from './dates/local-date';
export * from './dates/time-zone';
export * from './money/currency';
export * from './money/decimal';
export * from './money/money';
export * from './money/allocation';
export * from './lifecycle/roles';
export * from './lifecycle/states';
export * from './lifecycle/terms';
export * from './lifecycle/transfer-schedule';
export * from './lifecycle/write-off';
export * from './deferrals/deferral';
export * from './deferrals/approval-decision';
export * from './payment-plans/payment-plan';
export * from './payment-plans/plan-limit';
export * from './credits/credit-decision';
export * from './calendar/schedules';
export * from './billing/period';
export * from './vouchers/settlement-timetable';
export * from './vouchers/provider-application';
export * from './vouchers/feedback';
export * from './estates/estate-dates';
export * from './estates/inventory';
export * from './estates/estate-contact';
export * from './estates/estate-closing';
export * from './debts/restructuring';
export * from './debts/write-off-proposal';
export * from './access';
