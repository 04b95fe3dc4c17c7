export * from './deferral';
export * from './approval-decision';
