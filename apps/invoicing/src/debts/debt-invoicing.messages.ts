import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DebtInvoicingMessages, InvoiceCopy } from '@clientfees/contracts';
import { DebtsService } from './debts.service';

/** Debt follow-up's synchronous queries over @nestjs/microservices: the copies printed with a reminder letter. */
@Controller()
export class DebtInvoicingMessagesController {
  constructor(private readonly debts: DebtsService) {}

  @MessagePattern(DebtInvoicingMessages.invoiceCopies)
  invoiceCopies(@Payload() request: { organisationId: string; invoiceIds: string[] }): Promise<InvoiceCopy[]> {
    return this.debts.copies(request);
  }
}
