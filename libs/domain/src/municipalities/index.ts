export * from './municipality-code';
