export * from './dated-table';
export * from './registry';
