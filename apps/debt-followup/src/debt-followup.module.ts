import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@clientfees/platform';

/**
 * Debt lists, cases, estates of deceased clients, write-offs and escalations.
 * (FI saatavien seuranta / SV skuldbevakning)
 */
@Module({})
export class DebtFollowupModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: DebtFollowupModule,
      imports: [
        PlatformModule.forService(
          { name: 'debt-followup', description: 'Debt lists, cases, estates of deceased clients, write-offs and escalations.', database: { entities: [], migrations: [] }, activities: [] },
          env,
        ),
      ],
    };
  }
}
