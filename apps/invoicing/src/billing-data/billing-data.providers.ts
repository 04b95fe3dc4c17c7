import { AbsencesController } from './absences.controller';
import { BillingInputs } from './billing-inputs';
import { BillingSettingsController } from './billing-settings.controller';
import { BillingSettingCorrectionsController } from './billing-setting-corrections.controller';
import { ClientsController } from './clients.controller';
import { CorrectionsController } from './corrections.controller';
import { DecidedServicesController } from './decided-services.controller';
import { IncomesController } from './incomes.controller';
import { PriceListsController } from './price-lists.controller';
import { ClientRegistrationsController, RegistrationsController } from './registrations.controller';
import { RentContractsController } from './rent-contracts.controller';
import { SelectionRulesController } from './selection-rules.controller';

/** The billing-data controllers and providers the invoicing module mounts. */
export const BILLING_DATA_CONTROLLERS = [
  ClientsController,
  BillingSettingsController,
  BillingSettingCorrectionsController,
  IncomesController,
  DecidedServicesController,
  PriceListsController,
  ClientRegistrationsController,
  RegistrationsController,
  CorrectionsController,
  AbsencesController,
  RentContractsController,
  SelectionRulesController,
];
export const BILLING_DATA_PROVIDERS = [BillingInputs];
