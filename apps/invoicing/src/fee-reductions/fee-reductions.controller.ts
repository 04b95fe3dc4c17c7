import { Body, Controller, HttpCode, Inject, NotFoundException, Post, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { DomainValidationError, isBefore, parseLocalDate } from '@clientfees/domain';
import { AccessClaims, FeeReductionSignal, InvoiceLifecycleSignals, invoiceLifecycleWorkflowId } from '@clientfees/contracts';
import { CurrentUser, Roles, SERVICE_LOGGER, TEMPORAL_CLIENT } from '@clientfees/platform';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  @Matches(DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  validFrom!: string;

  @ApiProperty({ example: '2027-05-31' })
  @Matches(DATE, { message: 'validTo must be a date YYYY-MM-DD' })
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
    private readonly dataSource: DataSource,
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
    const organisation: unknown[] = await this.dataSource.query('SELECT 1 FROM organisation WHERE id = $1', [body.organisationId]);
    if (organisation.length === 0) throw new NotFoundException(`no organisation ${body.organisationId}`);

    const [decision] = (await this.dataSource.query(
      `INSERT INTO fee_reduction_decision (id, organisation_id, client_number, decision_reference, valid_from, valid_to, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (organisation_id, decision_reference) DO UPDATE SET decision_reference = EXCLUDED.decision_reference
       RETURNING id, valid_from, valid_to`,
      [randomUUID(), body.organisationId, body.clientNumber, body.decisionReference, validFrom, validTo, user.sub],
    )) as Array<{ id: string; valid_from: string; valid_to: string }>;

    const invoices: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM invoice WHERE organisation_id = $1 AND client_number = $2 AND invoice_date <= $3
         AND state NOT IN ('paid', 'credited', 'waived', 'written-off')`,
      [body.organisationId, body.clientNumber, decision.valid_to],
    );
    const signal: FeeReductionSignal = { decisionId: decision.id, validFrom: decision.valid_from, validTo: decision.valid_to };
    let paused = 0;
    for (const invoice of invoices) {
      try {
        await this.temporal.workflow.getHandle(invoiceLifecycleWorkflowId(invoice.id)).signal(InvoiceLifecycleSignals.feeReduction, signal);
        paused += 1;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) continue;
        // The decision is stored; posting it again (same reference) delivers it again.
        this.logger.error({ err: error, invoiceId: invoice.id }, 'fee reduction decision not delivered');
        throw new ServiceUnavailableException('the decision is stored but not all invoices were reached; post it again');
      }
    }
    return { decisionId: decision.id, invoicesPaused: paused };
  }
}
