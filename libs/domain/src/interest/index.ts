export * from './reference-rates';
export * from './late-interest';
