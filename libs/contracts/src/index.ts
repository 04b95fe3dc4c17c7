export * from './task-queues';
export * from './search-attributes';
export * from './auth';
export * from './invoicing';
export * from './services';
export * from './collection';
export * from './billing';
export * from './deaths';
