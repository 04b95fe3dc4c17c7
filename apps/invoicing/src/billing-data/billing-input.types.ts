// What BillingInputs builds: the input half of the billing calculation's types (libs/domain/src/billing/types.ts).
export type {
  Absence,
  BillingSettingsSnapshot,
  ClientBillingInput,
  Correction,
  DecidedService,
  IncomeSnapshot,
  PostalAddress,
  PriceListItem,
  Registration,
  RentContract,
} from '@clientfees/domain';
