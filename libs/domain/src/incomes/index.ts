export * from './income-types';
export * from './income-records';
export * from './income-summary';
export * from './household';
export * from './consent';
export * from './fee-proposal';
