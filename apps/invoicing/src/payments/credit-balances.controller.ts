import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { ApiRuleRefusal, CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { PaymentsService } from './payments.service';
import { CreditBalanceQuery, RefundProposalQuery } from './payments.dto';
import { ClientCreditBalanceView, RefundProposalView } from './payment.view';

/** Overpayments: the clients' credit balances and the refunds proposed from them. */
@ApiTags('payments')
@Controller()
export class CreditBalancesController {
  constructor(private readonly payments: PaymentsService) {}

  @Get('credit-balances')
  @MayDo('payment.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Clients’ credit balances from overpayments, per client and currency, with the payments they came from.' })
  @ApiOkResponse({ type: [ClientCreditBalanceView] })
  async creditBalances(@Query() query: CreditBalanceQuery): Promise<ClientCreditBalanceView[]> {
    const { credits, refunds } = await this.payments.creditBalances(query);
    return ClientCreditBalanceView.group(credits, refunds);
  }

  @Get('refund-proposals')
  @MayDo('payment.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'Refunds proposed from credit balances, oldest first; all statuses unless one is asked for.' })
  @ApiOkResponse({ type: [RefundProposalView] })
  async refundProposals(@Query() query: RefundProposalQuery): Promise<RefundProposalView[]> {
    return (await this.payments.refundProposals(query)).map((proposal) => RefundProposalView.of(proposal));
  }

  @ApiRuleRefusal('four eyes: the person who recorded or allocated the payment does not approve its refund (rule `four-eyes`)')
  @Post('refund-proposals/:id/approve')
  @HttpCode(200)
  @MayDo('refund.approve')
  @Scope.resource('refund-proposal')
  @ApiOperation({
    summary: 'The finance centre approves a proposed refund.',
    description: 'Records the approval only; the money is paid back outside this service. Approving again keeps the first approval.',
  })
  @ApiOkResponse({ type: RefundProposalView })
  async approve(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AccessClaims): Promise<RefundProposalView> {
    return RefundProposalView.of(await this.payments.approveRefund(id, user.sub));
  }
}
