import { Module } from '@nestjs/common';
import { DebtInvoicingActivities } from './debt-invoicing.activities';
import { DebtInvoicingMessagesController } from './debt-invoicing.messages';
import { DebtsService } from './debts.service';

/** Invoicing's side of debt follow-up: debt list, ledger, deaths and estates, write-offs, collection pauses (bound in InvoicingModule). */
@Module({
  controllers: [DebtInvoicingMessagesController],
  providers: [DebtsService, DebtInvoicingActivities],
})
export class DebtsModule {}
