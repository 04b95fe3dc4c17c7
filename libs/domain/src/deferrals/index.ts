export * from './deferral';
