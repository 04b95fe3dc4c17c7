import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Money, RESULT_AREA_DIRECTOR } from '@clientfees/domain';
import {
  AccessClaims,
  CreditCommand,
  InvoiceLifecycleStatus,
  InvoiceLifecycleUpdates,
  PaymentPlanCommand,
  RecallCommand,
  WaiverCommand,
  WriteOffCommand,
} from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { LifecycleUpdates } from './lifecycle-updates';
import { CreditDto, PaymentPlanDto, ReasonDto, WaiverDto, WriteOffDto } from './invoices.dto';
import { InvoicesService } from './invoices.service';

/** Decisions on one invoice that its lifecycle carries out: recall, waiver, write-off, credit note. */
@ApiTags('invoices')
@Controller('invoices/:id')
export class InvoiceDecisionsController {
  constructor(
    private readonly updates: LifecycleUpdates,
    private readonly invoices: InvoicesService,
  ) {}

  @Post('recall')
  @HttpCode(200)
  @Roles('finance-centre')
  @ApiOperation({ summary: 'Recalls an invoice transferred to the agency in error: the agency is told and the client pays no collection costs.' })
  recall(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: RecallCommand = { reason: body.reason, actor: user.sub };
    return this.updates.execute(id, InvoiceLifecycleUpdates.recall, command, 'state');
  }

  @Post('waiver')
  @HttpCode(200)
  @Roles('result-area-director')
  @ApiOperation({ summary: 'Waives collection of a justified invoice (the result-area director’s decision, with its grounds).' })
  waive(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WaiverDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: WaiverCommand = { grounds: body.grounds, actor: user.sub, role: 'result-area-director' };
    return this.updates.execute(id, InvoiceLifecycleUpdates.waiveCollection, command, 'grounds');
  }

  @Post('write-off')
  @HttpCode(200)
  @Roles('billing-supervisor', 'result-area-director')
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
      role: user.roles.includes(RESULT_AREA_DIRECTOR) ? RESULT_AREA_DIRECTOR : 'billing-supervisor',
    };
    return this.updates.execute(id, InvoiceLifecycleUpdates.writeOff, command, { rule: 'grounds', state: 'state' });
  }

  @Post('payment-plan')
  @HttpCode(201)
  @Roles('client-fee-officer', 'finance-centre')
  @ApiOperation({
    summary: 'Splits the open amount into monthly instalments; a missed instalment sends the rest to the next transfer run.',
  })
  paymentPlan(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PaymentPlanDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: PaymentPlanCommand = {
      instalments: body.instalments,
      firstDueDate: body.firstDueDate,
      actor: user.sub,
      role: user.roles.includes('client-fee-officer') ? 'client-fee-officer' : 'finance-centre',
    };
    return this.updates.execute(id, InvoiceLifecycleUpdates.paymentPlan, command, 'firstDueDate');
  }

  @Post('credit-notes')
  @HttpCode(201)
  @Roles('finance-centre', 'client-fee-officer')
  @ApiOperation({ summary: 'Credits the invoice in full or in part; the credit note takes a number from the organisation’s series.' })
  async credit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreditDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const invoice = await this.invoices.get(id);
    const command: CreditCommand = {
      amountCents: Money.parse(body.amount, invoice.currency, 'amount').minorUnits,
      reason: body.reason,
      actor: user.sub,
      role: user.roles.includes('finance-centre') ? 'finance-centre' : 'client-fee-officer',
    };
    return this.updates.execute(id, InvoiceLifecycleUpdates.credit, command, 'amount');
  }
}
