import { DynamicModule, Module } from '@nestjs/common';
import { bindActivities, PlatformModule } from '@clientfees/platform';
import { REVIEW_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { IncomeVerification1765100000000 } from './migrations/1765100000000-IncomeVerification';
import { AUTHORITY_ENDPOINTS, INCOME_TYPES, loadIncomeTypes } from './reviews/income-types.provider';
import { authorityEndpointsFromEnv } from './authorities/authority-http';
import { ReviewsService } from './reviews/reviews.service';
import { ReviewsController } from './reviews/reviews.controller';
import { ReviewActivitiesProvider } from './reviews/review.activities';
import { ConsentsController } from './consents/consents.controller';
import { AuthorityFetcher, IncomesRegisterActivitiesProvider, PopulationRegisterActivitiesProvider, TaxAdministrationActivitiesProvider } from './authorities/authority.activities';
import { AuthorityWorkers } from './authorities/authority-workers';

/**
 * Consents, authority adapters, income summaries and fee decisions (seed 001).
 * (FI tulotietojen selvitys / SV inkomstutredning)
 */
@Module({})
export class IncomeVerificationModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: IncomeVerificationModule,
      imports: [
        PlatformModule.forService(
          {
            name: 'income-verification',
            description: 'Consents, authority adapters, income summaries and fee decisions.',
            database: { entities: [], migrations: [IncomeVerification1765100000000] },
            activities: [bindActivities(REVIEW_ACTIVITY_CONTRACT, ReviewActivitiesProvider)],
          },
          env,
        ),
      ],
      controllers: [ReviewsController, ConsentsController],
      providers: [
        { provide: INCOME_TYPES, useValue: loadIncomeTypes(env) },
        { provide: AUTHORITY_ENDPOINTS, useValue: authorityEndpointsFromEnv(env) },
        ReviewsService,
        ReviewActivitiesProvider,
        AuthorityFetcher,
        IncomesRegisterActivitiesProvider,
        PopulationRegisterActivitiesProvider,
        TaxAdministrationActivitiesProvider,
        AuthorityWorkers,
      ],
    };
  }
}
