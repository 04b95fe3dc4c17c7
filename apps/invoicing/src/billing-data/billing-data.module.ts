import { Module } from '@nestjs/common';
import { AbsencesModule } from './absences/absences.module';
import { BillingInputs } from './billing-inputs';
import { BillingSettingsModule } from './billing-settings/billing-settings.module';
import { ClientsModule } from './clients/clients.module';
import { CorrectionsModule } from './corrections/corrections.module';
import { DecidedServicesModule } from './decided-services/decided-services.module';
import { IncomesModule } from './incomes/incomes.module';
import { PriceListsModule } from './price-lists/price-lists.module';
import { RegistrationsModule } from './registrations/registrations.module';
import { RentContractsModule } from './rent-contracts/rent-contracts.module';
import { SelectionRulesModule } from './selection-rules/selection-rules.module';

/** What a client's monthly fee is calculated from, and what the billing run reads of it. */
@Module({
  imports: [
    ClientsModule,
    BillingSettingsModule,
    IncomesModule,
    DecidedServicesModule,
    PriceListsModule,
    RegistrationsModule,
    CorrectionsModule,
    AbsencesModule,
    RentContractsModule,
    SelectionRulesModule,
  ],
  providers: [BillingInputs],
  exports: [BillingInputs],
})
export class BillingDataModule {}
