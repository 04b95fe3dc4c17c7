import { DynamicModule, Module } from '@nestjs/common';
import { COLLECTION_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { bindActivities, PlatformModule } from '@clientfees/platform';
import { AGENCY_TRANSPORT, AgencyClient, AgencyTransport, HttpAgencyTransport, loadAgencySettings } from './agency/agency-client';
import { CollectionActivities } from './collection.activities';
import { Reminder } from './reminders/reminder.entity';
import { RemindersController } from './reminders/reminders.controller';
import { AgencyCase } from './agency-cases/agency-case.entity';
import { AgencyReport } from './agency-cases/agency-report.entity';
import { AgencyCasesController } from './agency-cases/agency-cases.controller';
import { AgencyReportsController } from './agency-cases/agency-reports.controller';
import { AgencyReportsService } from './agency-cases/agency-reports.service';
import { InitialCollection1764200000000 } from './migrations/1764200000000-InitialCollection';

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
    return {
      module: CollectionModule,
      imports: [
        PlatformModule.forService(
          {
            name: 'collection',
            description: 'Reminders, late-payment interest, agency transfers and recalls, waivers.',
            database: {
              entities: [Reminder, AgencyCase, AgencyReport],
              migrations: [InitialCollection1764200000000],
            },
            activities: [bindActivities(COLLECTION_ACTIVITY_CONTRACT, CollectionActivities)],
            routesPredateScopes: true,
          },
          env,
        ),
      ],
      controllers: [RemindersController, AgencyCasesController, AgencyReportsController],
      providers: [{ provide: AGENCY_TRANSPORT, useValue: agencyTransport }, AgencyClient, CollectionActivities, AgencyReportsService],
    };
  }
}
