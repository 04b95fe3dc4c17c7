import { DynamicModule, Module } from '@nestjs/common';
import { PROVIDER_SETTLEMENT_ACTIVITY_CONTRACT, VOUCHER_DEATH_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { bindActivities, PlatformModule } from '@clientfees/platform';
import { ClockModule } from './common/clock';
import { FeedbackModule } from './feedback/feedback.module';
import { ProviderSettlement1765200000000 } from './migrations/1765200000000-ProviderSettlement';
import { OwnShareInvoices1766020000000 } from './migrations/1766020000000-OwnShareInvoices';
import { OrganisationsModule } from './organisations/organisations.module';
import { PriceListsModule } from './price-lists/price-lists.module';
import { ProviderSettlementActivities } from './provider-settlement.activities';
import { ProvidersModule } from './providers/providers.module';
import { RecordsModule } from './records/records.module';
import { ReportsModule } from './reports/reports.module';
import { SettlementsModule } from './settlements/settlements.module';
import { VouchersModule } from './vouchers/vouchers.module';

/**
 * Service-voucher providers, price lists, vouchers, service events and monthly settlement.
 * (FI palveluseteli ja tilitys / SV kundval och ersättning)
 */
@Module({})
export class ProviderSettlementModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: ProviderSettlementModule,
      imports: [
        PlatformModule.forService(
          {
            name: 'provider-settlement',
            description: 'Service-voucher providers, price lists, vouchers, service events, interruptions and monthly settlement.',
            database: { entities: [], migrations: [ProviderSettlement1765200000000, OwnShareInvoices1766020000000] },
            activities: [bindActivities(PROVIDER_SETTLEMENT_ACTIVITY_CONTRACT, ProviderSettlementActivities), bindActivities(VOUCHER_DEATH_ACTIVITY_CONTRACT, ProviderSettlementActivities)],
          },
          env,
        ),
        ClockModule,
        OrganisationsModule,
        ProvidersModule,
        PriceListsModule,
        VouchersModule,
        RecordsModule,
        SettlementsModule,
        FeedbackModule,
        ReportsModule,
      ],
      providers: [ProviderSettlementActivities],
    };
  }
}
