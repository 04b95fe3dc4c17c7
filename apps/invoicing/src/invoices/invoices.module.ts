import { Module } from '@nestjs/common';
import { InvoiceDecisionsController } from './invoice-decisions.controller';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { InvoicingMessagesController } from './invoicing.messages';
import { LifecycleStarter } from './lifecycle-starter';

/** Invoices, the decisions their lifecycles carry out, and the lifecycles' start. */
@Module({
  controllers: [InvoicesController, InvoiceDecisionsController, InvoicingMessagesController],
  providers: [InvoicesService, LifecycleStarter],
  exports: [InvoicesService],
})
export class InvoicesModule {}
