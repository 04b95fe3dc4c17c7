export * from './environment';
export * from './service-under-test';
export * from './service-process';
export * from './fakes';
export * from './billing-data';
export * from './debt-fakes';
export * from './tokens';
export * from './process-stack';
