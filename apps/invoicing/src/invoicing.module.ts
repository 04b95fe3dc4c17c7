import { DynamicModule, Module } from '@nestjs/common';
import { BILLING_ACTIVITY_CONTRACT, INVOICING_ACTIVITY_CONTRACT } from '@clientfees/contracts';
import { bindActivities, PlatformModule } from '@clientfees/platform';
import { Organisation } from './organisations/organisation.entity';
import { OrganisationsController } from './organisations/organisations.controller';
import { TransferRunSchedules } from './organisations/transfer-run-schedule';
import { Invoice } from './invoices/invoice.entity';
import { InvoiceRow } from './invoices/invoice-row.entity';
import { InvoiceEvent } from './invoices/invoice-event.entity';
import { InvoicesController } from './invoices/invoices.controller';
import { InvoicesService } from './invoices/invoices.service';
import { InvoicingActivities } from './invoices/invoicing.activities';
import { InvoicingMessagesController } from './invoices/invoicing.messages';
import { LifecycleStarter } from './invoices/lifecycle-starter';
import { LifecycleUpdates } from './invoices/lifecycle-updates';
import { InvoiceDecisionsController } from './invoices/invoice-decisions.controller';
import { DeferralApproval } from './deferrals/deferral-approval.entity';
import { DeferralsController } from './deferrals/deferrals.controller';
import { FeeReductionsController } from './fee-reductions/fee-reductions.controller';
import { InitialInvoicing1764100000000 } from './migrations/1764100000000-InitialInvoicing';
import { Payments1764200000000 } from './migrations/1764200000000-Payments';
import { RuleTables1764300000000 } from './migrations/1764300000000-RuleTables';
import { BillingData1764400000000 } from './migrations/1764400000000-BillingData';
import { BillingRuns1764500000000 } from './migrations/1764500000000-BillingRuns';
import { RuleTablesController } from './rule-tables/rule-tables.controller';
import { Payment } from './payments/payment.entity';
import { PaymentAllocation } from './payments/payment-allocation.entity';
import { PaymentFile } from './payments/payment-file.entity';
import { CreditBalance } from './payments/credit-balance.entity';
import { RefundProposal } from './payments/refund-proposal.entity';
import { PaymentsController } from './payments/payments.controller';
import { CreditBalancesController } from './payments/credit-balances.controller';
import { PaymentsService } from './payments/payments.service';
import { PaymentDelivery } from './payments/payment-delivery';
import { BILLING_DATA_CONTROLLERS, BILLING_DATA_PROVIDERS } from './billing-data/billing-data.providers';
import { BillingRunStore } from './billing-runs/billing-run-store';
import { BillingCalculation } from './billing-runs/billing-calculation';
import { BillingInvoices } from './billing-runs/billing-invoices';
import { BillingActivities } from './billing-runs/billing.activities';
import { BillingRunsService } from './billing-runs/billing-runs.service';
import { BillingSchedules } from './billing-runs/billing-schedules';
import { BillingRunsController } from './billing-runs/billing-runs.controller';

/** Invoicing (laskutus / fakturering): organisations, invoices and their lifecycles. */
@Module({})
export class InvoicingModule {
  static register(env: Record<string, string | undefined> = process.env): DynamicModule {
    return {
      module: InvoicingModule,
      imports: [
        PlatformModule.forService(
          {
            name: 'invoicing',
            description: 'Organisations, invoices and their lifecycles.',
            database: {
              entities: [Organisation, Invoice, InvoiceRow, InvoiceEvent, DeferralApproval, Payment, PaymentAllocation, PaymentFile, CreditBalance, RefundProposal],
              migrations: [InitialInvoicing1764100000000, Payments1764200000000, RuleTables1764300000000, BillingData1764400000000, BillingRuns1764500000000],
            },
            activities: [bindActivities(INVOICING_ACTIVITY_CONTRACT, InvoicingActivities), bindActivities(BILLING_ACTIVITY_CONTRACT, BillingActivities)],
            routesPredateScopes: true,
          },
          env,
        ),
      ],
      controllers: [OrganisationsController, InvoicesController, InvoiceDecisionsController, DeferralsController, FeeReductionsController, RuleTablesController, InvoicingMessagesController, PaymentsController, CreditBalancesController, ...BILLING_DATA_CONTROLLERS, BillingRunsController],
      providers: [InvoicesService, InvoicingActivities, LifecycleStarter, LifecycleUpdates, TransferRunSchedules, PaymentsService, PaymentDelivery, ...BILLING_DATA_PROVIDERS, BillingRunStore, BillingCalculation, BillingInvoices, BillingActivities, BillingRunsService, BillingSchedules],
    };
  }
}
