import { DynamicModule, Module } from '@nestjs/common';
import { agencyStatusSignal, COLLECTION_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { bindActivities, PlatformModule, SignalOutbox } from '@clientfees/platform';
import { AgencyTransport, HttpAgencyTransport, loadAgencySettings } from './agency/agency-client';
import { AgencyModule } from './agency/agency.module';
import { AgencyCasesModule } from './agency-cases/agency-cases.module';
import { CollectionActivities } from './collection.activities';
import { InitialCollection1764200000000 } from './migrations/1764200000000-InitialCollection';
import { SignalOutbox1764600000001 } from './migrations/1764600000001-SignalOutbox';
import { RemindersModule } from './reminders/reminders.module';

export interface CollectionModuleOptions {
  /** Replaces the HTTP transport to the agency (another protocol, or a test's recorder). */
  agencyTransport?: AgencyTransport;
}

/**
 * Reminders, late-payment interest, agency transfers and recalls, waivers.
 * (FI perintä / SV inkasso)
 */
@Module({})
export class CollectionModule {
  static register(env: Record<string, string | undefined> = process.env, options: CollectionModuleOptions = {}): DynamicModule {
    // Read before the platform starts anything, so a bad AGENCY_URL stops the service at once.
    const agencyTransport = options.agencyTransport ?? new HttpAgencyTransport(loadAgencySettings(env));
    const service = PlatformModule.forService(
      {
        name: 'collection',
        description: 'Reminders, late-payment interest, agency transfers and recalls, waivers.',
        database: { entities: [], migrations: [InitialCollection1764200000000, SignalOutbox1764600000001] },
        activities: [bindActivities(COLLECTION_ACTIVITY_CONTRACT, CollectionActivities)],
        routesPredateScopes: true,
      },
      env,
    );
    return {
      module: CollectionModule,
      imports: [
        service,
        // Agency reports reach lifecycles that existed (they were reminded): "not found" means ended.
        SignalOutbox.register({ signals: [agencyStatusSignal] }),
        AgencyModule.register(agencyTransport),
        RemindersModule,
        AgencyCasesModule,
      ],
      providers: [CollectionActivities],
    };
  }
}
