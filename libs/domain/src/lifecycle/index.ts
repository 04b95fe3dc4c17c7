export * from './roles';
export * from './terms';
export * from './timeline';
export * from './states';
