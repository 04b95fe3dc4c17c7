import { DynamicModule, Module } from '@nestjs/common';
import { agencyStatusSignal, COLLECTION_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { bindActivities, PlatformModule, SignalOutbox } from '@clientfees/platform';
import { AccessModule } from './access/access.module';
import { AgencyTransport, HttpAgencyTransport, loadAgencySettings } from './agency/agency-client';
import { AgencyModule } from './agency/agency.module';
import { InvoiceRecipients, InvoicingInvoiceRecipients } from './agency/invoice-recipients';
import { AgencyCasesModule } from './agency-cases/agency-cases.module';
import { CollectionActivities } from './collection.activities';
import { InitialCollection1764200000000 } from './migrations/1764200000000-InitialCollection';
import { ReminderHolds1764900000001 } from './migrations/1764900000001-ReminderHolds';
import { InvoicingReferenceRates, loadInvoicingTcpSettings, ReferenceRateSource } from './reference-rates/reference-rate-source';
import { ReferenceRatesModule } from './reference-rates/reference-rates.module';
import { AgencyEstateSteps1766130000000 } from './migrations/1766130000000-AgencyEstateSteps';
import { DebtFollowupMessages, loadDebtFollowupTcpSettings, TcpDebtFollowupMessages } from './agency-cases/estate-step-forwarder';
import { SignalOutbox1764600000001 } from './migrations/1764600000001-SignalOutbox';
import { AppendOnlyAgencyReports1764800000200 } from './migrations/1764800000200-AppendOnlyAgencyReports';
import { RemindersModule } from './reminders/reminders.module';

export interface CollectionModuleOptions {
  /** Replaces the HTTP transport to the agency (another protocol, or a test's recorder). */
  agencyTransport?: AgencyTransport;
  /** Replaces the invoicing service's rule tables as the source of the reference rates. */
  referenceRates?: ReferenceRateSource;
  /** Replaces the invoicing service as the source of the invoice's current recipient (the debtor the agency is told of). */
  invoiceRecipients?: InvoiceRecipients;
  /** Replaces debt follow-up's TCP messages, where the agency's estate steps go. */
  debtFollowup?: DebtFollowupMessages;
}

/**
 * Reminders, late-payment interest, agency transfers and recalls, waivers.
 * (FI perintä / SV inkasso)
 */
@Module({})
export class CollectionModule {
  static register(env: Record<string, string | undefined> = process.env, options: CollectionModuleOptions = {}): DynamicModule {
    // Read before the platform starts anything, so a bad AGENCY_URL, INVOICING_TCP_PORT or DEBT_FOLLOWUP_TCP_PORT stops the service at once.
    const agencyTransport = options.agencyTransport ?? new HttpAgencyTransport(loadAgencySettings(env));
    const referenceRates = options.referenceRates ?? new InvoicingReferenceRates(loadInvoicingTcpSettings(env));
    const invoiceRecipients = options.invoiceRecipients ?? new InvoicingInvoiceRecipients(loadInvoicingTcpSettings(env));
    const debtFollowup = options.debtFollowup ?? new TcpDebtFollowupMessages(loadDebtFollowupTcpSettings(env));
    const service = PlatformModule.forService(
      {
        name: 'collection',
        description: 'Reminders, late-payment interest, agency transfers and recalls, waivers.',
        database: { entities: [], migrations: [InitialCollection1764200000000, SignalOutbox1764600000001, AppendOnlyAgencyReports1764800000200, ReminderHolds1764900000001, AgencyEstateSteps1766130000000] },
        activities: [bindActivities(COLLECTION_ACTIVITY_CONTRACT, CollectionActivities)],
      },
      env,
    );
    return {
      module: CollectionModule,
      imports: [
        service,
        AccessModule,
        // Agency reports reach lifecycles that existed (they were reminded): "not found" means ended.
        SignalOutbox.register({ signals: [agencyStatusSignal] }),
        AgencyModule.register(agencyTransport, invoiceRecipients),
        ReferenceRatesModule.register(referenceRates),
        RemindersModule,
        AgencyCasesModule.register(debtFollowup),
      ],
      providers: [CollectionActivities],
    };
  }
}
