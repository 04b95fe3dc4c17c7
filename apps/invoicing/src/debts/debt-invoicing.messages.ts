import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { DEBT_LIST_MAX_PAGE, DebtInvoicingMessages, DebtListPage, InvoiceCopy } from '@clientfees/contracts';
import { IsLocalDate, MessageFrom } from '@clientfees/platform';
import { DebtsService } from './debts.service';

class InvoiceCopiesMessage {
  @IsString() @IsNotEmpty() organisationId!: string;
  @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) invoiceIds!: string[];
}

class DebtListMessage {
  @IsString() @IsNotEmpty() organisationId!: string;
  @IsLocalDate() asOf!: string;
  @IsOptional() @IsUUID('all') after?: string;
  @IsInt() @Min(1) @Max(DEBT_LIST_MAX_PAGE) limit!: number;
}

/**
 * Debt follow-up's synchronous queries over @nestjs/microservices: the copies printed with a
 * reminder letter, and the month end's debt list page by page (read by the review's activity,
 * so the pages do not pass through the workflow's history).
 */
@Controller()
export class DebtInvoicingMessagesController {
  constructor(private readonly debts: DebtsService) {}

  @MessagePattern(DebtInvoicingMessages.invoiceCopies)
  @MessageFrom('debt-followup')
  invoiceCopies(@Payload('body') request: InvoiceCopiesMessage): Promise<InvoiceCopy[]> {
    return this.debts.copies(request);
  }

  @MessagePattern(DebtInvoicingMessages.debtList)
  @MessageFrom('debt-followup')
  debtList(@Payload('body') request: DebtListMessage): Promise<DebtListPage> {
    return this.debts.debtList(request);
  }
}
