export * from './types';
export * from './period';
export * from './calculate';
export * from './corrections';
export * from './register-address';
export * from './recipient';
