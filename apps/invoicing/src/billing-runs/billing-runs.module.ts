import { Module } from '@nestjs/common';
import { BillingDataModule } from '../billing-data/billing-data.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { BillingActivities } from './billing.activities';
import { BillingCalculation } from './billing-calculation';
import { BillingInvoices } from './billing-invoices';
import { BillingRunSteps } from './billing-run-steps';
import { BillingRunsController } from './billing-runs.controller';
import { BillingRunsService } from './billing-runs.service';
import { BillingSchedules } from './billing-schedules';

/** Monthly and correction billing runs: selection, calculation, journal, approval, invoices. */
@Module({
  imports: [BillingDataModule, InvoicesModule],
  controllers: [BillingRunsController],
  providers: [BillingRunSteps, BillingCalculation, BillingInvoices, BillingActivities, BillingRunsService, BillingSchedules],
})
export class BillingRunsModule {}
