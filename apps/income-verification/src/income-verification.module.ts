import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@clientfees/platform';

/**
 * Consents, authority adapters, income summaries and fee-decision proposals.
 * (FI tulotietojen selvitys / SV inkomstutredning)
 */
@Module({})
export class IncomeVerificationModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: IncomeVerificationModule,
      imports: [
        PlatformModule.forService(
          { name: 'income-verification', description: 'Consents, authority adapters, income summaries and fee-decision proposals.', database: { entities: [], migrations: [] }, activities: [] },
          env,
        ),
      ],
    };
  }
}
