export * from './roles';
export * from './action-rule';
export * from './matrix';
export * from './render';
