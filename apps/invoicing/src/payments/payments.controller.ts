import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, RawBody, Scope } from '@clientfees/platform';
import { PaymentsService } from './payments.service';
import { AllocatePaymentDto, ListPaymentsQuery, OrganisationQuery, RecordPaymentDto, ReversalsQuery } from './payments.dto';
import { ImportSummaryView, PaymentView, ReversalView } from './payment.view';
import { readXmlBody, XML_BODY } from './xml-body';


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
  @RawBody(XML_BODY)
  @ApiConsumes('application/xml', 'text/xml')
  @ApiBody({ description: 'An ISO 20022 camt.054 BankToCustomerDebitCreditNotification (camt.054.001.02 to .10), at most 10 MB.', schema: { type: 'string' } })
  @ApiOperation({
    summary: 'Imports a camt.054 notification for the organisation named in the query.',
    description:
      'Every transaction ends as exactly one of: a payment (a credited, booked transaction in the organisation’s currency), put on the invoices its ' +
      'remittance names (credit notes the payer deducted settled against their invoices; the rest to the unmatched queue with the reason); ' +
      'a reversal (RvslInd, a returned or refunded payment), which finds and undoes the payment it takes back or waits for a person — a paid invoice ' +
      'it leaves with something open is reopened (issued, partially paid or overdue by its dates, the reversal and file recorded as grounds) and its ' +
      'lifecycle resumes; a credited, waived or written-off one stays closed with a note for a person; or an ignored item ' +
      'with its amount and reason (debits, entries not booked such as INFO, returned items, other currencies, zero amounts). ' +
      'The file is recorded once per receiving accounts and GrpHdr/MsgId: importing it again changes nothing; a transaction seen before under the same ' +
      'bank id is a duplicate. Malformed XML, a version other than .02 to .10 or a missing element is a 400 naming the element.',
  })
  @ApiOkResponse({ type: ImportSummaryView })
  async importCamt054(@Query() query: OrganisationQuery, @Req() request: Request, @CurrentUser() user: AccessClaims): Promise<ImportSummaryView> {
    return this.payments.importCamt054(query.organisationId, readXmlBody(request), user.sub);
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

  // Declared before ':id' so that the path is not taken for an id.
  @Get('reversals')
  @MayDo('payment.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Bank reversals of payments, oldest first; `status=unresolved` is the queue of those whose original a person must find.' })
  @ApiOkResponse({ type: [ReversalView] })
  async reversals(@Query() query: ReversalsQuery): Promise<ReversalView[]> {
    return (await this.payments.reversals(query)).map((reversal) => ReversalView.of(reversal));
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
