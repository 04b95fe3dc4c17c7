export * from './provider-application';
export * from './voucher-auto-recording';
export * from './voucher-settlement';
export * from './reclamation-follow-up';
