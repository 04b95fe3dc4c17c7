// The pure domain core: no framework, no I/O, no clock. Everything here is deterministic so it
// can also run inside Temporal workflows.
export * from './errors';
export * from './country';
export * from './dates';
export * from './money';
export * from './calendar';
export * from './identifiers';
export * from './lifecycle';
export * from './interest';
export * from './deferrals';
export * from './payment-plans';
export * from './invoices/payment-reference';
export * from './rule-tables';
export * from './fees';
export * from './absences';
export * from './rent-contracts';
export * from './billing';
export * from './estates';
export * from './debts';
export * from './invoices/normalise-payment-reference';
export * from './access';
