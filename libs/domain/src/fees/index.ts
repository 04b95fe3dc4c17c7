export * from './explanation';
export * from './fi-home-care-tables';
export * from './fi-home-care';
export * from './fi-long-term-care-tables';
export * from './fi-long-term-care';
export * from './se-elderly-care-tables';
export * from './se-elderly-care';
export * from './maximum-fee';
