import { Module } from '@nestjs/common';
import { InvoicesModule } from '../invoices/invoices.module';
import { CreditBalancesController } from './credit-balances.controller';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

/** Payments received (REST, camt.054), matched to invoices; credit balances and refund proposals. */
@Module({
  imports: [InvoicesModule],
  controllers: [PaymentsController, CreditBalancesController],
  providers: [PaymentsService],
})
export class PaymentsModule {}
