export * from './draft';
export * from './compare';
export * from './summary';
