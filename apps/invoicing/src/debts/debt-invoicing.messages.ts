import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, IsUUID } from 'class-validator';
import { DebtInvoicingMessages, InvoiceCopy } from '@clientfees/contracts';
import { MessageFrom } from '@clientfees/platform';
import { DebtsService } from './debts.service';

class InvoiceCopiesMessage {
  @IsString() @IsNotEmpty() organisationId!: string;
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) invoiceIds!: string[];
}

/** Debt follow-up's synchronous queries over @nestjs/microservices: the copies printed with a reminder letter. */
@Controller()
export class DebtInvoicingMessagesController {
  constructor(private readonly debts: DebtsService) {}

  @MessagePattern(DebtInvoicingMessages.invoiceCopies)
  @MessageFrom('debt-followup')
  invoiceCopies(@Payload('body') request: InvoiceCopiesMessage): Promise<InvoiceCopy[]> {
    return this.debts.copies(request);
  }
}
