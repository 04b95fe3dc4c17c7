import { Module } from '@nestjs/common';
import { CreditBalancesController } from './credit-balances.controller';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

/** Payments received (REST, camt.054), matched to invoices; credit balances and refund proposals. */
@Module({
  controllers: [PaymentsController, CreditBalancesController],
  providers: [PaymentsService],
})
export class PaymentsModule {}
