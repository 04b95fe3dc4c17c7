export * from './restructuring';
export * from './escalation';
export * from './month-end';
export * from './month-end-review';
export * from './write-off-proposal';
export * from './caseworker-task';
export * from './quarter';
export * from './letter-language';
