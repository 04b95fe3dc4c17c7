import { Module } from '@nestjs/common';
import { DeferralsModule } from '../deferrals/deferrals.module';
import { InvoicesModule } from '../invoices/invoices.module';
import { InvoiceTermsService } from './invoice-terms.service';
import { InvoicingActivities } from './lifecycle.activities';

/** The activities invoicing offers the invoice lifecycle workflow (bound in InvoicingModule). */
@Module({
  imports: [InvoicesModule, DeferralsModule],
  providers: [InvoiceTermsService, InvoicingActivities],
})
export class LifecycleModule {}
