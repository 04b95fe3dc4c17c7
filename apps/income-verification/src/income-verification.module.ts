import { DynamicModule, Module } from '@nestjs/common';
import { bindActivities, invoicingMessagesAddress, PlatformModule } from '@clientfees/platform';
import { REVIEW_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { IncomeVerification1765100000000 } from './migrations/1765100000000-IncomeVerification';
import { PopulationChangesAndYearlyReviews1765100000001 } from './migrations/1765100000001-PopulationChangesAndYearlyReviews';
import { AUTHORITY_ENDPOINTS, INCOME_TYPES, INCOME_TYPES_VERSION, loadIncomeTypes } from './reviews/income-types.provider';
import { authorityEndpointsFromEnv } from './authorities/authority-http';
import { ReviewsService } from './reviews/reviews.service';
import { ReviewsController } from './reviews/reviews.controller';
import { ReviewActivitiesProvider } from './reviews/review.activities';
import { ConsentsController } from './consents/consents.controller';
import { AuthorityFetcher, IncomesRegisterActivitiesProvider, PopulationRegisterActivitiesProvider, TaxAdministrationActivitiesProvider } from './authorities/authority.activities';
import { AuthorityWorkers } from './authorities/authority-workers';
import { LETTER_SETTINGS, letterSettingsFromEnv } from './decisions/letter-settings';
import { DecisionsController } from './decisions/decisions.controller';
import { DecisionLettersService } from './decisions/decision-letters.service';
import { YearlyReviewsService } from './reviews/yearly-reviews.service';
import { PopulationChangesService } from './population/population-changes.service';
import { INVOICING_ADDRESSES, INVOICING_MESSAGES_ADDRESS, InvoicingAddresses, TcpInvoicingAddresses } from './population/invoicing-addresses';
import { INVOICING_CLIENTS, InvoicingClients, TcpInvoicingClients } from './reviews/invoicing-clients';
import { IncomeSchedulesService } from './schedules/income-schedules.service';
import { IncomeSchedulesController } from './schedules/income-schedules.controller';

/**
 * Consents, authority adapters, income summaries and fee decisions (seed 001).
 * (FI tulotietojen selvitys / SV inkomstutredning)
 */
export interface IncomeVerificationModuleOptions {
  /** Instead of invoicing's TCP listener (a test records what invoicing would be told). */
  invoicingAddresses?: InvoicingAddresses;
  /** Instead of asking invoicing's TCP listener who a client is (a test's own clients). */
  invoicingClients?: InvoicingClients;
}

@Module({})
export class IncomeVerificationModule {
  static register(env: Record<string, string | undefined> = process.env, options: IncomeVerificationModuleOptions = {}): DynamicModule {
    const incomeTypes = loadIncomeTypes(env);
    // Read before the platform starts anything, so a bad INVOICING_TCP_PORT stops the service at once.
    const invoicingAddress = invoicingMessagesAddress(env);
    return {
      module: IncomeVerificationModule,
      imports: [
        PlatformModule.forService(
          {
            name: 'income-verification',
            description: 'Consents, authority adapters, income summaries and fee decisions.',
            database: { entities: [], migrations: [IncomeVerification1765100000000, PopulationChangesAndYearlyReviews1765100000001] },
            activities: [bindActivities(REVIEW_ACTIVITY_CONTRACT, ReviewActivitiesProvider)],
          },
          env,
        ),
      ],
      controllers: [ReviewsController, ConsentsController, DecisionsController, IncomeSchedulesController],
      providers: [
        { provide: INCOME_TYPES, useValue: incomeTypes.table },
        { provide: INCOME_TYPES_VERSION, useValue: incomeTypes.version },
        { provide: LETTER_SETTINGS, useValue: letterSettingsFromEnv(env) },
        { provide: AUTHORITY_ENDPOINTS, useValue: authorityEndpointsFromEnv(env) },
        { provide: INVOICING_MESSAGES_ADDRESS, useValue: invoicingAddress },
        options.invoicingAddresses ? { provide: INVOICING_ADDRESSES, useValue: options.invoicingAddresses } : { provide: INVOICING_ADDRESSES, useClass: TcpInvoicingAddresses },
        options.invoicingClients ? { provide: INVOICING_CLIENTS, useValue: options.invoicingClients } : { provide: INVOICING_CLIENTS, useClass: TcpInvoicingClients },
        ReviewsService,
        YearlyReviewsService,
        PopulationChangesService,
        DecisionLettersService,
        IncomeSchedulesService,
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
