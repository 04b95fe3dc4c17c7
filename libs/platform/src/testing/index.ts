export * from './environment';
export * from './service-under-test';
