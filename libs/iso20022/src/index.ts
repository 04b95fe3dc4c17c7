// Readers of ISO 20022 bank messages: pure (no framework, no I/O), for services and the CLI.
export * from './camt054/camt054.types';
export * from './camt054/parse-camt054';
export * from './camt054/camt054-view';
export { minorUnitDigits, minorUnitsOf } from './xml/xml-values';
