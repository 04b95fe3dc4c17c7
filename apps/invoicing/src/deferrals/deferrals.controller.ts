import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { actingRole, parseLocalDate } from '@clientfees/domain';
import {
  AccessClaims,
  decideDeferralApprovalUpdate,
  DeferralApprovalDecision,
  DeferralCommand,
  DeferralResult,
  deferDueDateUpdate,
  PendingDeferral,
  requestDeferralApprovalUpdate,
} from '@clientfees/contracts';
import { ApiRuleRefusal, CurrentUser, InvoiceLifecycles, MayDo, Scope } from '@clientfees/platform';
import type { DeferralApproval } from './deferral-approval.queries';
import { DeferralDecisionDto, DeferralRequestDto, InboxQuery } from './deferrals.dto';
import { DeferralsService } from './deferrals.service';
import { InvoicesService } from '../invoices/invoices.service';

/** A refusal names the requested due date, whichever rule or state refused it. */
const FIELD = 'requestedDueDate';

/**
 * Deferrals of due dates (eräpäivän siirto / anstånd). The lifecycle workflow decides them
 * through updates whose validators apply the limits by role, so a refusal comes back at once
 * with its reason and leaves no trace in the invoice's history.
 */
@ApiTags('deferrals')
@Controller()
export class DeferralsController {
  constructor(
    private readonly deferrals: DeferralsService,
    private readonly lifecycles: InvoiceLifecycles,
    private readonly invoices: InvoicesService,
  ) {}

  @ApiRuleRefusal('a deferral beyond the caller’s limit (the officer’s 3 months) goes through the supervisor’s inbox (rule `deferDueDate`)')
  @Post('invoices/:id/deferrals')
  @HttpCode(200)
  @MayDo('deferral.grant')
  @Scope.resource('invoice')
  @ApiOperation({
    summary: 'Moves the due date within the caller’s own limit.',
    description: 'A client-fee officer may defer up to 3 months past the original due date, the billing supervisor up to 12 (organisation settings). 400 says which limit and role refused it.',
  })
  defer(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DeferralRequestDto, @CurrentUser() user: AccessClaims): Promise<DeferralResult> {
    return this.lifecycles.decide(id, deferDueDateUpdate, this.command(body, user, actingRole(user.roles, 'deferral.grant')), FIELD, () => this.invoices.stateOf(id));
  }

  @ApiRuleRefusal('one request waits at a time, and one within the officer’s own limit is deferred directly (rule `requestDeferralApproval`)')
  @Post('invoices/:id/deferral-approvals')
  @HttpCode(201)
  @MayDo('deferral.request')
  @Scope.resource('invoice')
  @ApiOperation({ summary: 'Asks the billing supervisor to approve a deferral beyond the officer’s limit; the invoice waits for the decision.' })
  requestApproval(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DeferralRequestDto, @CurrentUser() user: AccessClaims): Promise<PendingDeferral> {
    return this.lifecycles.decide(id, requestDeferralApprovalUpdate, this.command(body, user, actingRole(user.roles, 'deferral.request')), FIELD, () => this.invoices.stateOf(id));
  }

  @Get('deferral-approvals')
  @MayDo('deferral.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The billing supervisor’s inbox: deferrals waiting for a decision (or decided ones by status).' })
  inbox(@Query() query: InboxQuery): Promise<DeferralApproval[]> {
    return this.deferrals.inbox(query.organisationId, query.status);
  }

  @ApiRuleRefusal('the person who asked does not decide (rule `decideDeferralApproval`)')
  @Post('deferral-approvals/:approvalId/decision')
  @HttpCode(200)
  @MayDo('deferral.decide')
  @Scope.resource('deferral-approval', 'approvalId')
  @ApiOperation({ summary: 'The billing supervisor approves or denies a waiting deferral.' })
  async decide(
    @Param('approvalId', new ParseUUIDPipe()) approvalId: string,
    @Body() body: DeferralDecisionDto,
    @CurrentUser() user: AccessClaims,
  ): Promise<DeferralResult> {
    const invoiceId = await this.deferrals.invoiceOfApproval(approvalId);
    const decision: DeferralApprovalDecision = { approvalId, approve: body.approve, note: body.note, actor: user.sub, role: actingRole(user.roles, 'deferral.decide') ?? '' };
    return this.lifecycles.decide(invoiceId, decideDeferralApprovalUpdate, decision, FIELD, () => this.invoices.stateOf(invoiceId));
  }

  private command(body: DeferralRequestDto, user: AccessClaims, role: string | undefined): DeferralCommand {
    return { requestedDueDate: parseLocalDate(body.requestedDueDate, 'requestedDueDate'), reason: body.reason, actor: user.sub, role: role ?? '' };
  }
}
