import { BadRequestException, Body, ConflictException, Controller, Get, HttpCode, Inject, NotFoundException, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { DataSource } from 'typeorm';
import { Client, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { parseLocalDate } from '@clientfees/domain';
import {
  AccessClaims,
  DeferralApprovalDecision,
  DeferralCommand,
  DeferralFailures,
  DeferralResult,
  InvoiceLifecycleUpdates,
  invoiceLifecycleWorkflowId,
  PendingDeferral,
} from '@clientfees/contracts';
import { CurrentUser, Roles, TEMPORAL_CLIENT } from '@clientfees/platform';
import { DeferralApproval } from './deferral-approval.entity';
import { DeferralDecisionDto, DeferralRequestDto } from './deferral.dto';

class InboxQuery {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  organisationId!: string;

  @ApiPropertyOptional({ enum: ['pending', 'approved', 'denied', 'withdrawn'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'approved', 'denied', 'withdrawn'])
  status: 'pending' | 'approved' | 'denied' | 'withdrawn' = 'pending';
}

/**
 * Deferrals of due dates (eräpäivän siirto / anstånd). The lifecycle workflow decides them
 * through updates whose validators apply the limits by role, so a refusal comes back at once
 * with its reason and leaves no trace in the invoice's history.
 */
@ApiTags('deferrals')
@Controller()
export class DeferralsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Post('invoices/:id/deferrals')
  @HttpCode(200)
  @Roles('client-fee-officer', 'billing-supervisor')
  @ApiOperation({
    summary: 'Moves the due date within the caller’s own limit.',
    description: 'A client-fee officer may defer up to 3 months past the original due date, the billing supervisor up to 12 (organisation settings). 400 says which limit and role refused it.',
  })
  defer(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DeferralRequestDto, @CurrentUser() user: AccessClaims): Promise<DeferralResult> {
    return this.update<DeferralResult>(id, InvoiceLifecycleUpdates.deferDueDate, this.command(body, user));
  }

  @Post('invoices/:id/deferral-approvals')
  @HttpCode(201)
  @Roles('client-fee-officer')
  @ApiOperation({ summary: 'Asks the billing supervisor to approve a deferral beyond the officer’s limit; the invoice waits for the decision.' })
  requestApproval(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DeferralRequestDto, @CurrentUser() user: AccessClaims): Promise<PendingDeferral> {
    return this.update<PendingDeferral>(id, InvoiceLifecycleUpdates.requestDeferralApproval, { ...this.command(body, user), role: 'client-fee-officer' });
  }

  @Get('deferral-approvals')
  @Roles('billing-supervisor', 'client-fee-officer')
  @ApiOperation({ summary: 'The billing supervisor’s inbox: deferrals waiting for a decision (or decided ones by status).' })
  inbox(@Query() query: InboxQuery): Promise<DeferralApproval[]> {
    return this.dataSource.getRepository(DeferralApproval).find({
      where: { organisationId: query.organisationId, status: query.status },
      order: { requestedAt: 'ASC' },
      take: 500,
    });
  }

  @Post('deferral-approvals/:approvalId/decision')
  @HttpCode(200)
  @Roles('billing-supervisor')
  @ApiOperation({ summary: 'The billing supervisor approves or denies a waiting deferral.' })
  async decide(
    @Param('approvalId', new ParseUUIDPipe()) approvalId: string,
    @Body() body: DeferralDecisionDto,
    @CurrentUser() user: AccessClaims,
  ): Promise<DeferralResult> {
    const approval = await this.dataSource.getRepository(DeferralApproval).findOneBy({ id: approvalId });
    if (!approval) throw new NotFoundException(`no deferral approval ${approvalId}`);
    const decision: DeferralApprovalDecision = { approve: body.approve, note: body.note, actor: user.sub, role: 'billing-supervisor' };
    return this.update<DeferralResult>(approval.invoiceId, InvoiceLifecycleUpdates.decideDeferralApproval, decision);
  }

  private command(body: DeferralRequestDto, user: AccessClaims): DeferralCommand {
    return {
      requestedDueDate: parseLocalDate(body.requestedDueDate, 'requestedDueDate'),
      reason: body.reason,
      actor: user.sub,
      // Someone holding both roles acts with the wider limit.
      role: user.roles.includes('billing-supervisor') ? 'billing-supervisor' : 'client-fee-officer',
    };
  }

  private async update<T>(invoiceId: string, name: string, argument: unknown): Promise<T> {
    const handle = this.temporal.workflow.getHandle(invoiceLifecycleWorkflowId(invoiceId));
    try {
      return await handle.executeUpdate<T, [unknown]>(name, { args: [argument] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
        const problems = [{ field: 'requestedDueDate', reason: error.cause.message }];
        if (error.cause.type === DeferralFailures.wrongState) throw new ConflictException({ statusCode: 409, message: error.cause.message, problems });
        throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: error.cause.message, problems });
      }
      if ((error as Error).name === 'WorkflowNotFoundError') throw new NotFoundException(`no open lifecycle for invoice ${invoiceId}`);
      throw error;
    }
  }
}
