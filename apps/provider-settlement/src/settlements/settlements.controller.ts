import { Body, Controller, Get, Header, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { providerFilter } from '../common/access';
import { badRequest } from '../common/http';
import { OrganisationQuery } from '../organisations/organisation.dto';
import { OwnShareInvoices } from './own-share-invoices';
import { StartSettlementDto } from './settlement.dto';
import { SettlementsService } from './settlements.service';

const MONTH = /^\d{4}-\d{2}$/;

@ApiTags('settlements')
@Controller()
export class SettlementsController {
  constructor(
    private readonly settlements: SettlementsService,
    private readonly ownShares: OwnShareInvoices,
  ) {}

  @Post('settlements')
  @MayDo('voucher-settlement.start')
  @Scope.organisationFromBody()
  @ApiOperation({
    summary: 'Start a month’s settlement workflow now (the Schedule starts it on the 1st; it settles on the 4th)',
    description:
      'After settling, the workflow sends each client’s own share to invoicing, which makes it an invoice with its lifecycle (GET /settlements/{id}/own-shares). Started again for a settled month, it settles nothing twice and sends the own shares still waiting for their invoice (e.g. once a client’s billing address is known); an own share already invoiced gets its invoice back, never a second one.',
  })
  start(@Body() dto: StartSettlementDto) {
    return this.settlements.start(dto.organisationId, dto.month);
  }

  @Get('settlements')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The organisation’s settlements; a provider user sees the months that settled something of its own' })
  list(@Query() query: OrganisationQuery, @CurrentUser() user: AccessClaims) {
    return this.settlements.list(query.organisationId, providerFilter(user));
  }

  @Get('settlements/:id')
  @MayDo('voucher-data.read')
  @Scope.resource('settlement')
  @ApiOperation({ summary: 'A settlement with every provider’s totals: the municipality’s view (a provider user reads its own under /providers/{id}/settlements)' })
  view(@Param('id') id: string) {
    return this.settlements.view(id);
  }

  @Get('settlements/:id/payment-file.xml')
  @MayDo('voucher-data.read')
  @Scope.resource('settlement')
  @Header('content-type', 'application/xml; charset=utf-8')
  @ApiProduces('application/xml')
  @ApiOperation({ summary: 'The ISO 20022 pain.001.001.09 credit transfers for the municipality’s payment system (every provider’s account: not for provider users)' })
  paymentFile(@Param('id') id: string) {
    return this.settlements.paymentFile(id);
  }

  @Get('settlements/:id/own-shares')
  @MayDo('voucher-data.read')
  @Scope.resource('settlement')
  @ApiOperation({
    summary: 'The clients’ own shares of the settlement and their invoices (issue 12 §8)',
    description:
      'One record per client with something to bill: a row per paid event’s own share (price − voucher value), a credit row per event corrected since its own share was invoiced, and what an earlier month carried. state `to-invoice` waits for invoicing (`problem` says why it could not yet; it is sent again with the next settlement), `invoiced` names the invoice (`invoiceId`, `invoiceNumber`) whose lifecycle runs in invoicing, `nothing-to-invoice` is a total of zero or less (`carriedOutCents` starts the client’s next own-share invoice). The municipality’s view, like the settlement: a provider user gets 404.',
  })
  ownSharesOf(@Param('id') id: string) {
    return this.ownShares.ofSettlement(id);
  }

  @Get('providers/:providerId/settlements')
  @MayDo('voucher-data.read')
  @Scope.resource('provider', 'providerId')
  ofProvider(@Param('providerId') providerId: string) {
    return this.settlements.ofProvider(providerId);
  }

  @Get('providers/:providerId/settlements/:month')
  @MayDo('voucher-data.read')
  @Scope.resource('provider', 'providerId')
  providerMonth(@Param('providerId') providerId: string, @Param('month') month: string) {
    if (!MONTH.test(month)) badRequest('month', 'must be YYYY-MM');
    return this.settlements.providerMonth(providerId, month);
  }

  @Get('providers/:providerId/settlements/:month/specification.pdf')
  @MayDo('voucher-data.read')
  @Scope.resource('provider', 'providerId')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The provider’s settlement specification (tilityserittely) as a PDF' })
  async specification(@Param('providerId') providerId: string, @Param('month') month: string) {
    if (!MONTH.test(month)) badRequest('month', 'must be YYYY-MM');
    return new StreamableFile(await this.settlements.specification(providerId, month), { type: 'application/pdf', disposition: `inline; filename="tilitys-${month}.pdf"` });
  }
}
