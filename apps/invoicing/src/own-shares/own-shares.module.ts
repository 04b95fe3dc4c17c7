import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { OwnShareInvoicing } from './own-share-invoicing';
import { OwnShareInvoicingActivities } from './own-share-invoicing.activities';

/** Invoicing's side of service vouchers: the clients' own shares as invoices (bound in InvoicingModule). */
@Module({
  imports: [InvoicesModule],
  providers: [OwnShareInvoicing, OwnShareInvoicingActivities],
})
export class OwnSharesModule {}
