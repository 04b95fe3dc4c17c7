import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actingRole, Money } from '@clientfees/domain';
import {
  AccessClaims,
  CreditCommand,
  creditInvoiceUpdate,
  InvoiceLifecycleStatus,
  PaymentPlanCommand,
  paymentPlanUpdate,
  RecallCommand,
  recallUpdate,
  WaiverCommand,
  waiveCollectionUpdate,
  WriteOffCommand,
  writeOffUpdate,
} from '@clientfees/contracts';
import { CurrentUser, InvoiceLifecycles, MayDo } from '@clientfees/platform';
import { CreditDto, PaymentPlanDto, ReasonDto, WaiverDto, WriteOffDto } from './invoices.dto';
import { InvoicesService } from './invoices.service';

/** Decisions on one invoice that its lifecycle carries out: recall, waiver, write-off, credit note. */
@ApiTags('invoices')
@Controller('invoices/:id')
export class InvoiceDecisionsController {
  constructor(
    private readonly lifecycles: InvoiceLifecycles,
    private readonly invoices: InvoicesService,
  ) {}

  @Post('recall')
  @HttpCode(200)
  @MayDo('invoice.recall')
  @ApiOperation({ summary: 'Recalls an invoice transferred to the agency in error: the agency is told and the client pays no collection costs.' })
  recall(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: RecallCommand = { reason: body.reason, actor: user.sub };
    return this.lifecycles.decide(id, recallUpdate, command, 'state');
  }

  @Post('waiver')
  @HttpCode(200)
  @MayDo('invoice.waive')
  @ApiOperation({ summary: 'Waives collection of a justified invoice (the result-area director’s decision, with its grounds).' })
  waive(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WaiverDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: WaiverCommand = { grounds: body.grounds, actor: user.sub, role: actingRole(user.roles, 'invoice.waive') ?? '' };
    return this.lifecycles.decide(id, waiveCollectionUpdate, command, 'grounds');
  }

  @Post('write-off')
  @HttpCode(200)
  @MayDo('invoice.write-off')
  @ApiOperation({
    summary: 'Writes the open amount off as a credit loss (luottotappio / avskrivning) and ends the lifecycle in state written-off.',
    description:
      'The billing supervisor or the result-area director decides, on grounds from a fixed list and with a note. Only an unpaid invoice that is ' +
      'overdue, reminded (the agency’s reminder service is told to stop), returned or recalled may be written off; an invoice at the agency ' +
      'is recalled first. A refused rule answers 400, the invoice’s state 409, each with the reason.',
  })
  @ApiConflictResponse({ description: 'The invoice’s state does not allow a write-off (e.g. at the agency: recall it first).' })
  writeOff(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WriteOffDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: WriteOffCommand = {
      grounds: body.grounds,
      note: body.note,
      actor: user.sub,
      role: actingRole(user.roles, 'invoice.write-off') ?? '',
    };
    return this.lifecycles.decide(id, writeOffUpdate, command, { rule: 'grounds', state: 'state' });
  }

  @Post('payment-plan')
  @HttpCode(201)
  @MayDo('payment-plan.make')
  @ApiOperation({
    summary: 'Splits the open amount into monthly instalments; a missed instalment sends the rest to the next transfer run.',
  })
  paymentPlan(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PaymentPlanDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: PaymentPlanCommand = {
      instalments: body.instalments,
      firstDueDate: body.firstDueDate,
      actor: user.sub,
      role: actingRole(user.roles, 'payment-plan.make') ?? '',
    };
    return this.lifecycles.decide(id, paymentPlanUpdate, command, 'firstDueDate');
  }

  @Post('credit-notes')
  @HttpCode(201)
  @MayDo('invoice.credit')
  @ApiOperation({ summary: 'Credits the invoice in full or in part; the credit note takes a number from the organisation’s series.' })
  async credit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreditDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const invoice = await this.invoices.get(id);
    const command: CreditCommand = {
      amountCents: Money.parse(body.amount, invoice.currency, 'amount').minorUnits,
      reason: body.reason,
      actor: user.sub,
      role: actingRole(user.roles, 'invoice.credit') ?? '',
    };
    return this.lifecycles.decide(id, creditInvoiceUpdate, command, 'amount');
  }
}
