import { Module } from '@nestjs/common';
import { CreditBalancesController } from './credit-balances.controller';
import { PaymentDelivery } from './payment-delivery';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

/** Payments received (REST, camt.054), matched to invoices; credit balances and refund proposals. */
@Module({
  controllers: [PaymentsController, CreditBalancesController],
  providers: [PaymentsService, PaymentDelivery],
})
export class PaymentsModule {}
