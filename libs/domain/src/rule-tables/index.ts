export * from './dated-table';
export * from './registry';
export * from './table-set';
export * from './coverage';
export * from './reconcile';
