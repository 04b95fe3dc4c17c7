import { DynamicModule, Module } from '@nestjs/common';
import { BILLING_ACTIVITY_CONTRACT, DEBT_INVOICING_ACTIVITY_CONTRACT, FEE_DECISION_ACTIVITY_CONTRACT, INVOICING_ACTIVITY_CONTRACT, OWN_SHARE_INVOICING_ACTIVITY_CONTRACT, WHAT_IF_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { bindActivities, PlatformModule } from '@clientfees/platform';
import { AccessModule } from './access/access.module';
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
import { IncomeFromFeeDecision1765100000002 } from './migrations/1765100000002-IncomeFromFeeDecision';
import { FeeDecisionActivitiesProvider } from './billing-data/incomes/fee-decision.activities';
import { RuleTableCorrections1764900000000 } from './migrations/1764900000000-RuleTableCorrections';
import { WhatIfRuns1764900000002 } from './migrations/1764900000002-WhatIfRuns';
import { AppendOnlyHistory1764800000100 } from './migrations/1764800000100-AppendOnlyHistory';
import { BankFilePayments1765000000000 } from './migrations/1765000000000-BankFilePayments';
import { BankFileChecks1765000100000 } from './migrations/1765000100000-BankFileChecks';
import { JournalReviewAndFourEyes1764800000300 } from './migrations/1764800000300-JournalReviewAndFourEyes';
import { OrganisationReceivingAccounts1764800000400 } from './migrations/1764800000400-OrganisationReceivingAccounts';
import { EstateInvoices1765300100000 } from './migrations/1765300100000-EstateInvoices';
import { CreditNotesByInvoice1765300200000 } from './migrations/1765300200000-CreditNotesByInvoice';
import { CreditLossRecoveries1765300300000 } from './migrations/1765300300000-CreditLossRecoveries';
import { RegisterAddresses1766010000000 } from './migrations/1766010000000-RegisterAddresses';
import { OrganisationMunicipalities1766165000000 } from './migrations/1766165000000-OrganisationMunicipalities';
import { RegisterHomeMunicipality1766165000100 } from './migrations/1766165000100-RegisterHomeMunicipality';
import { OwnShareInvoices1766020000100 } from './migrations/1766020000100-OwnShareInvoices';
import { LifecycleResumption1766060000000 } from './migrations/1766060000000-LifecycleResumption';
import { OwnShareInvoicingActivities } from './own-shares/own-share-invoicing.activities';
import { OrganisationsModule } from './organisations/organisations.module';
import { OwnSharesModule } from './own-shares/own-shares.module';
import { PaymentsModule } from './payments/payments.module';
import { RuleTablesModule } from './rule-tables/rule-tables.module';
import { WhatIfActivities } from './what-if/what-if.activities';
import { WhatIfModule } from './what-if/what-if.module';
import { maskProtectedAddresses } from './billing-data/billing-settings/billing-settings.audit';

/** Invoicing (laskutus / fakturering): organisations, invoices and their lifecycles, payments, billing, rule tables. */
@Module({})
export class InvoicingModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    const service = PlatformModule.forService(
      {
        name: 'invoicing',
        description: 'Organisations, invoices and their lifecycles.',
        database: {
          entities: [],
          // One per line, in time order: parallel branches each add theirs.
          migrations: [
            InitialInvoicing1764100000000,
            Payments1764200000000,
            RuleTables1764300000000,
            BillingData1764400000000,
            BillingRuns1764500000000,
            SignalOutbox1764600000000,
            AppendOnlyHistory1764800000100,
            JournalReviewAndFourEyes1764800000300,
            OrganisationReceivingAccounts1764800000400,
            RuleTableCorrections1764900000000,
            WhatIfRuns1764900000002,
            BankFilePayments1765000000000,
            BankFileChecks1765000100000,
            IncomeFromFeeDecision1765100000002,
            EstateInvoices1765300100000,
            CreditNotesByInvoice1765300200000,
            CreditLossRecoveries1765300300000,
            RegisterAddresses1766010000000,
            OrganisationMunicipalities1766165000000,
            RegisterHomeMunicipality1766165000100,
            OwnShareInvoices1766020000100,
            LifecycleResumption1766060000000,
          ],
        },
        activities: [
          bindActivities(INVOICING_ACTIVITY_CONTRACT, InvoicingActivities),
          bindActivities(BILLING_ACTIVITY_CONTRACT, BillingActivities),
          bindActivities(FEE_DECISION_ACTIVITY_CONTRACT, FeeDecisionActivitiesProvider),
          bindActivities(WHAT_IF_ACTIVITY_CONTRACT, WhatIfActivities),
          bindActivities(DEBT_INVOICING_ACTIVITY_CONTRACT, DebtInvoicingActivities),
          bindActivities(OWN_SHARE_INVOICING_ACTIVITY_CONTRACT, OwnShareInvoicingActivities),
        ],
        maskAuditChanges: maskProtectedAddresses,
      },
      env,
    );
    return {
      module: InvoicingModule,
      imports: [
        service,
        AccessModule,
        LIFECYCLE_OUTBOX,
        OrganisationsModule,
        InvoicesModule,
        LifecycleModule,
        DeferralsModule,
        FeeReductionsModule,
        PaymentsModule,
        RuleTablesModule,
        WhatIfModule,
        BillingDataModule,
        BillingRunsModule,
        DebtsModule,
        OwnSharesModule,
      ],
    };
  }
}
