export * from './payment-plan';
