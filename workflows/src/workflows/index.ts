// Every workflow the workflow worker hosts. Deterministic code only: I/O is an activity.
export * from './invoice-lifecycle';
export * from './collection-transfer-run';
export * from './billing-run';
export * from './provider-settlement';
export * from './income-verification';
export * from './population-register-changes';
export * from './yearly-income-reviews';
export * from './what-if-run';
export * from './debt-followup';
