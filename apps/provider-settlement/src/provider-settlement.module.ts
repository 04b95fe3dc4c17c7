import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@clientfees/platform';

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
          { name: 'provider-settlement', description: 'Service-voucher providers, price lists, vouchers, service events and monthly settlement.', database: { entities: [], migrations: [] }, activities: [] },
          env,
        ),
      ],
    };
  }
}
