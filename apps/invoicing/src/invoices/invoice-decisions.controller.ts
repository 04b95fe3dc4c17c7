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
import { ApiRuleRefusal, CurrentUser, InvoiceLifecycles, MayDo, Scope } from '@clientfees/platform';
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
  @Scope.resource('invoice')
  @ApiOperation({ summary: 'Recalls an invoice transferred to the agency in error: the agency is told and the client pays no collection costs.' })
  recall(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: RecallCommand = { reason: body.reason, actor: user.sub };
    return this.lifecycles.decide(id, recallUpdate, command, 'state', () => this.invoices.stateOf(id));
  }

  @ApiRuleRefusal('the waiver needs its grounds (rule `waiveCollection`)')
  @Post('waiver')
  @HttpCode(200)
  @MayDo('invoice.waive')
  @Scope.resource('invoice')
  @ApiOperation({ summary: 'Waives collection of a justified invoice (the result-area director’s decision, with its grounds).' })
  waive(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WaiverDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: WaiverCommand = { grounds: body.grounds, actor: user.sub, role: actingRole(user.roles, 'invoice.waive') ?? '' };
    return this.lifecycles.decide(id, waiveCollectionUpdate, command, 'grounds', () => this.invoices.stateOf(id));
  }

  @ApiRuleRefusal('the write-off needs its grounds and a note (rule `writeOff`)')
  @Post('write-off')
  @HttpCode(200)
  @MayDo('invoice.write-off')
  @Scope.resource('invoice')
  @ApiOperation({
    summary: 'Writes the open amount off as a credit loss (luottotappio / avskrivning) and ends the lifecycle in state written-off.',
    description:
      'The billing supervisor or the result-area director decides, on grounds from a fixed list and with a note. Only an unpaid invoice that is ' +
      'overdue, reminded (the agency’s reminder service is told to stop), returned or recalled may be written off; an invoice at the agency ' +
      'is recalled first. A refused rule answers 422 naming it, the invoice’s state 409, each with the reason.',
  })
  @ApiConflictResponse({ description: 'The invoice’s state does not allow a write-off (e.g. at the agency: recall it first, or already written off); `currentState` names it.' })
  writeOff(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WriteOffDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: WriteOffCommand = {
      grounds: body.grounds,
      note: body.note,
      actor: user.sub,
      role: actingRole(user.roles, 'invoice.write-off') ?? '',
    };
    return this.lifecycles.decide(id, writeOffUpdate, command, { rule: 'grounds', state: 'state' }, () => this.invoices.stateOf(id));
  }

  @ApiRuleRefusal('a plan beyond the client-fee officer’s limit needs the billing supervisor (rule `makePaymentPlan`)')
  @Post('payment-plan')
  @HttpCode(201)
  @MayDo('payment-plan.make')
  @Scope.resource('invoice')
  @ApiOperation({
    summary: 'Splits the open amount into monthly instalments; a missed instalment sends the rest to the next transfer run.',
    description:
      'Bounded like a deferral: the last instalment at most 3 months (the client-fee officer) or 12 months (the billing supervisor) after the original due date, ' +
      'or the organisation’s lower limits. Beyond the officer’s limit the billing supervisor makes the plan; the refusal (400) says so.',
  })
  paymentPlan(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PaymentPlanDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const command: PaymentPlanCommand = {
      instalments: body.instalments,
      firstDueDate: body.firstDueDate,
      actor: user.sub,
      // The most senior role that may plan: the billing supervisor plans within the supervisor's limit.
      role: actingRole(user.roles, 'payment-plan.make') ?? user.roles[0],
    };
    return this.lifecycles.decide(id, paymentPlanUpdate, command, 'firstDueDate', () => this.invoices.stateOf(id));
  }

  @ApiRuleRefusal('a credit is at most the open amount and a large one is the billing supervisor’s, with its grounds (rule `creditInvoice`)')
  @Post('credit-notes')
  @HttpCode(201)
  @MayDo('invoice.credit')
  @Scope.resource('invoice')
  @ApiOperation({
    summary: 'Credits the invoice in full or in part; the credit note takes a number from the organisation’s series.',
    description:
      'Crediting the whole open amount of an overdue, reminded or at-agency invoice is a large credit: only the billing supervisor or the result-area director, ' +
      'with grounds from the fixed list (400 otherwise, naming who decides).',
  })
  async credit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CreditDto, @CurrentUser() user: AccessClaims): Promise<InvoiceLifecycleStatus> {
    const invoice = await this.invoices.get(id);
    const command: CreditCommand = {
      amountCents: Money.parse(body.amount, invoice.currency, 'amount').minorUnits,
      reason: body.reason,
      actor: user.sub,
      role: actingRole(user.roles, 'invoice.credit') ?? user.roles[0],
      roles: [...user.roles],
      grounds: body.grounds,
    };
    return this.lifecycles.decide(id, creditInvoiceUpdate, command, 'amount', () => this.invoices.stateOf(id));
  }
}
