import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { PaymentsService } from './payments.service';
import { AllocatePaymentDto, ListPaymentsQuery, OrganisationQuery, RecordPaymentDto } from './payments.dto';
import { ImportSummaryView, PaymentView } from './payment.view';
import { readXmlBody } from './xml-body';


@ApiTags('payments')
@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @HttpCode(201)
  @MayDo('payment.record')
  @Scope.organisationFromBody()
  @ApiOperation({
    summary: 'Records one payment and puts it on the invoice its reference names.',
    description:
      'Idempotent by (organisationId, externalId): sending it again answers 200 with the payment already recorded, or 409 if the details differ. ' +
      'A payment beyond the invoice’s open amount leaves the excess on the client’s credit balance with a refund proposal; ' +
      'one without a known reference goes to the unmatched queue.',
  })
  @ApiCreatedResponse({ type: PaymentView })
  @ApiOkResponse({ type: PaymentView, description: 'Recorded before under the same externalId.' })
  async record(@Body() body: RecordPaymentDto, @CurrentUser() user: AccessClaims, @Res({ passthrough: true }) response: Response): Promise<PaymentView> {
    const { details, created } = await this.payments.record(body, user.sub);
    if (!created) response.status(200);
    return PaymentView.of(details);
  }

  @Post('camt054')
  @HttpCode(200)
  @MayDo('payment.record')
  @Scope.organisationFromQuery()
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ description: 'An ISO 20022 camt.054 BankToCustomerDebitCreditNotification (001.02 to 001.08), at most 10 MB.', schema: { type: 'string' } })
  @ApiOperation({
    summary: 'Imports a camt.054 notification of incoming payments.',
    description:
      'Each credited transaction becomes a payment, matched by its creditor reference. The file is recorded once by GrpHdr/MsgId: ' +
      'importing it again reports every payment as a duplicate and changes nothing. Malformed XML or a missing element is a 400 naming it.',
  })
  @ApiOkResponse({ type: ImportSummaryView })
  async importCamt054(@Query() query: OrganisationQuery, @Req() request: Request, @CurrentUser() user: AccessClaims): Promise<ImportSummaryView> {
    return this.payments.importCamt054(query.organisationId, await readXmlBody(request), user.sub);
  }

  @Get()
  @MayDo('payment.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Payments of an organisation, newest first; optionally those of one invoice or in one status.' })
  @ApiOkResponse({ type: [PaymentView] })
  async list(@Query() query: ListPaymentsQuery): Promise<PaymentView[]> {
    return (await this.payments.list(query)).map((details) => PaymentView.of(details));
  }

  // Declared before ':id' so that the path is not taken for an id.
  @Get('unmatched')
  @MayDo('payment.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The unmatched-payments queue: payments no invoice could be found for, oldest first, with the reason.' })
  @ApiOkResponse({ type: [PaymentView] })
  async unmatched(@Query() query: OrganisationQuery): Promise<PaymentView[]> {
    return (await this.payments.unmatched(query.organisationId)).map((details) => PaymentView.of(details));
  }

  @Get(':id')
  @MayDo('payment.read')
  @Scope.resource('payment')
  @ApiOperation({ summary: 'One payment with its allocation and any credit balance it left.' })
  @ApiOkResponse({ type: PaymentView })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<PaymentView> {
    return PaymentView.of(await this.payments.get(id));
  }

  @Post(':id/allocation')
  @HttpCode(200)
  @MayDo('payment.allocate')
  @Scope.resource('payment')
  @ApiOperation({
    summary: 'Allocates an unmatched payment to an invoice by hand.',
    description: 'As an automatic match: up to the invoice’s open amount, the rest to the client’s credit balance; the invoice’s lifecycle is signalled. 409 if the payment is not unmatched.',
  })
  @ApiOkResponse({ type: PaymentView })
  async allocate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AllocatePaymentDto, @CurrentUser() user: AccessClaims): Promise<PaymentView> {
    return PaymentView.of(await this.payments.allocateManually(id, body.invoiceId, user.sub));
  }
}
