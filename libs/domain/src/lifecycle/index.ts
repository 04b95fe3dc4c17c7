export * from './roles';
export * from './terms';
export * from './timeline';
export * from './states';
export * from './transfer-schedule';
export * from './write-off';
export * from './reminder-plan';
