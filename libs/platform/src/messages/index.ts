export * from './service-token';
export * from './message-from';
export * from './service-messages';
