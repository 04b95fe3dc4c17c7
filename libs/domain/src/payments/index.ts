export * from './receiving-accounts';
