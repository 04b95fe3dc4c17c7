export * from './payment-plan';
export * from './plan-limit';
