export * from './estate-dates';
export * from './inventory';
export * from './estate-contact';
export * from './estate-closing';
export * from './charges-after-death';
