import { Controller, NotFoundException } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IsNotEmpty, IsString, IsUUID } from 'class-validator';
import { GetInvoiceRequest, InvoicingMessages } from '@clientfees/contracts';
import { MessageFrom } from '@clientfees/platform';
import { InvoicesService } from './invoices.service';
import { InvoiceView } from './invoice.view';

/** `invoicing.invoice.get`: the invoice, named by its id and the organisation it must belong to. */
export class GetInvoiceMessage implements GetInvoiceRequest {
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @IsUUID()
  id!: string;
}

/**
 * Synchronous queries from other services over @nestjs/microservices (ADR 0013): the sender is
 * authenticated by its service token and must be one the pattern names; the body is validated
 * like a REST body; an invoice of another organisation is not found.
 */
@Controller()
export class InvoicingMessagesController {
  constructor(private readonly invoices: InvoicesService) {}

  @MessagePattern(InvoicingMessages.getInvoice)
  @MessageFrom('collection', 'debt-followup')
  async getInvoice(@Payload('body') request: GetInvoiceMessage): Promise<InvoiceView> {
    const invoice = await this.invoices.get(request.id);
    if (invoice.organisationId !== request.organisationId) throw new NotFoundException(`no invoice ${request.id}`);
    return InvoiceView.of(invoice);
  }
}
