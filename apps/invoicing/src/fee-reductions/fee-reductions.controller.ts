import { Body, Controller, HttpCode, Inject, Post, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { DomainValidationError, isBefore, parseLocalDate } from '@clientfees/domain';
import { AccessClaims, FeeReductionSignal, InvoiceLifecycleSignals, invoiceLifecycleWorkflowId } from '@clientfees/contracts';
import { CurrentUser, Database, IsLocalDate, Roles, SERVICE_LOGGER, TEMPORAL_CLIENT } from '@clientfees/platform';
import { openInvoicesOfClient } from '../invoices/invoice.queries';
import { CLOSED_INVOICE_STATES } from '../invoices/invoice-states';
import { organisationFromPath } from '../organisations/organisation-lookup';
import { recordFeeReductionDecision } from './fee-reduction.queries';

class FeeReductionDecisionDto {
  @ApiProperty({ example: 'fi-demo' })
  @IsString()
  @IsNotEmpty()
  organisationId!: string;

  @ApiProperty({ example: 'C-100234' })
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/, { message: 'clientNumber must be 1-32 letters, digits or dashes' })
  clientNumber!: string;

  @ApiProperty({ example: 'LU/2026/412', description: 'The decision’s own reference; the same reference twice is one decision.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decisionReference!: string;

  @ApiProperty({ example: '2026-12-01' })
  @IsLocalDate()
  validFrom!: string;

  @ApiProperty({ example: '2027-05-31' })
  @IsLocalDate()
  validTo!: string;
}

/**
 * Fixed-term fee reduction or waiver decisions (Act 734/1992 § 11): while one is in force, the
 * client's open invoices get no reminder and go to no collection.
 */
@ApiTags('fee-reductions')
@Controller('fee-reduction-decisions')
export class FeeReductionsController {
  constructor(
    private readonly db: Database,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('client-fee-officer')
  @ApiOperation({ summary: 'Records a § 11 decision and holds back reminders and collection of the client’s open invoices until it ends.' })
  async record(@Body() body: FeeReductionDecisionDto, @CurrentUser() user: AccessClaims): Promise<{ decisionId: string; invoicesPaused: number }> {
    const validFrom = parseLocalDate(body.validFrom, 'validFrom');
    const validTo = parseLocalDate(body.validTo, 'validTo');
    if (isBefore(validTo, validFrom)) throw new DomainValidationError('must not be before validFrom', 'validTo');
    const { decision, invoices } = await this.db.transaction(async (tx) => {
      await organisationFromPath(tx, body.organisationId);
      const decision = await recordFeeReductionDecision(tx, {
        id: randomUUID(),
        organisationId: body.organisationId,
        clientNumber: body.clientNumber,
        decisionReference: body.decisionReference,
        validFrom,
        validTo,
        decidedBy: user.sub,
      });
      const client = { organisationId: body.organisationId, clientNumber: body.clientNumber, invoicedUntil: decision.validTo, closedStates: CLOSED_INVOICE_STATES };
      return { decision, invoices: await openInvoicesOfClient(tx, client) };
    });
    const signal: FeeReductionSignal = { decisionId: decision.id, validFrom: decision.validFrom, validTo: decision.validTo };
    let paused = 0;
    for (const invoiceId of invoices) {
      try {
        await this.temporal.workflow.getHandle(invoiceLifecycleWorkflowId(invoiceId)).signal(InvoiceLifecycleSignals.feeReduction, signal);
        paused += 1;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) continue;
        // The decision is stored; posting it again (same reference) delivers it again.
        this.logger.error({ err: error, invoiceId }, 'fee reduction decision not delivered');
        throw new ServiceUnavailableException('the decision is stored but not all invoices were reached; post it again');
      }
    }
    return { decisionId: decision.id, invoicesPaused: paused };
  }
}
