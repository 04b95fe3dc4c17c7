export * from './environment';
export * from './service-under-test';
export * from './service-process';
