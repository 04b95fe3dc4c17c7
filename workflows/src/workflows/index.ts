// Every workflow the workflow worker hosts. Deterministic code only: I/O is an activity.
export * from './invoice-lifecycle';
export * from './collection-transfer-run';
export * from './billing-run';
export * from './debt-followup';
