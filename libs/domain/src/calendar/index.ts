export * from './closed-days';
export * from './banking-days';
export * from './due-date';
export * from './schedules';
