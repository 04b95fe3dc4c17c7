export * from './request-context';
export * from './audit-read';
export * from './audit-log.queries';
export * from './audit.interceptor';
export * from './audit-log.controller';
export * from './audit.migration';
