export * from './remittance-allocation';
export * from './message-reference';
export * from './reversal-original';
export * from './repeated-id';
export * from './document-number';
export * from './receiving-accounts';
export * from './reopening';
export * from './credit-loss-recovery';
