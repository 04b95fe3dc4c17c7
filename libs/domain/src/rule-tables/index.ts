export * from './dated-table';
