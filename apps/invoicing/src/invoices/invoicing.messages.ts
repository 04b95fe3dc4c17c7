import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InvoicingMessages } from '@clientfees/contracts';
import { InvoicesService } from './invoices.service';
import { InvoiceView } from './invoice.view';

/** Synchronous queries from other services over @nestjs/microservices. */
@Controller()
export class InvoicingMessagesController {
  constructor(private readonly invoices: InvoicesService) {}

  @MessagePattern(InvoicingMessages.getInvoice)
  async getInvoice(@Payload() request: { id: string }): Promise<InvoiceView> {
    return InvoiceView.of(await this.invoices.get(request.id));
  }
}
