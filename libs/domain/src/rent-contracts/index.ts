export * from './rent-contracts';
