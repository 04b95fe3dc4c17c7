import { DynamicModule, Module } from '@nestjs/common';
import { BILLING_ACTIVITY_CONTRACT, DEBT_INVOICING_ACTIVITY_CONTRACT, INVOICING_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { bindActivities, PlatformModule } from '@clientfees/platform';
import { BillingDataModule } from './billing-data/billing-data.module';
import { BillingActivities } from './billing-runs/billing.activities';
import { BillingRunsModule } from './billing-runs/billing-runs.module';
import { DebtInvoicingActivities } from './debts/debt-invoicing.activities';
import { DebtsModule } from './debts/debts.module';
import { DeferralsModule } from './deferrals/deferrals.module';
import { FeeReductionsModule } from './fee-reductions/fee-reductions.module';
import { InvoicesModule } from './invoices/invoices.module';
import { LIFECYCLE_OUTBOX } from './invoices/lifecycle-outbox';
import { InvoicingActivities } from './lifecycle/lifecycle.activities';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { InitialInvoicing1764100000000 } from './migrations/1764100000000-InitialInvoicing';
import { Payments1764200000000 } from './migrations/1764200000000-Payments';
import { RuleTables1764300000000 } from './migrations/1764300000000-RuleTables';
import { BillingData1764400000000 } from './migrations/1764400000000-BillingData';
import { BillingRuns1764500000000 } from './migrations/1764500000000-BillingRuns';
import { SignalOutbox1764600000000 } from './migrations/1764600000000-SignalOutbox';
import { EstateInvoices1765300100000 } from './migrations/1765300100000-EstateInvoices';
import { CreditNotesByInvoice1765300200000 } from './migrations/1765300200000-CreditNotesByInvoice';
import { CreditLossRecoveries1765300300000 } from './migrations/1765300300000-CreditLossRecoveries';
import { OrganisationsModule } from './organisations/organisations.module';
import { PaymentsModule } from './payments/payments.module';
import { RuleTablesModule } from './rule-tables/rule-tables.module';

/** Invoicing (laskutus / fakturering): organisations, invoices and their lifecycles, payments, billing. */
@Module({})
export class InvoicingModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    const service = PlatformModule.forService(
      {
        name: 'invoicing',
        description: 'Organisations, invoices and their lifecycles.',
        database: {
          entities: [],
          migrations: [
            InitialInvoicing1764100000000,
            Payments1764200000000,
            RuleTables1764300000000,
            BillingData1764400000000,
            BillingRuns1764500000000,
            SignalOutbox1764600000000,
            EstateInvoices1765300100000,
            CreditNotesByInvoice1765300200000,
            CreditLossRecoveries1765300300000,
          ],
        },
        activities: [bindActivities(INVOICING_ACTIVITY_CONTRACT, InvoicingActivities), bindActivities(BILLING_ACTIVITY_CONTRACT, BillingActivities),
          bindActivities(DEBT_INVOICING_ACTIVITY_CONTRACT, DebtInvoicingActivities),
        ],
        routesPredateScopes: true,
      },
      env,
    );
    return {
      module: InvoicingModule,
      imports: [
        service,
        LIFECYCLE_OUTBOX,
        OrganisationsModule,
        InvoicesModule,
        LifecycleModule,
        DeferralsModule,
        FeeReductionsModule,
        PaymentsModule,
        RuleTablesModule,
        BillingDataModule,
        BillingRunsModule,
        DebtsModule,
      ],
    };
  }
}
