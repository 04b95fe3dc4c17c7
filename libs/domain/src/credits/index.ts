export * from './credit-decision';
