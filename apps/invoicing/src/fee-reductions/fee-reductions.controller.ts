import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { FeeReductionDecisionDto } from './fee-reductions.dto';
import { FeeReductionsService } from './fee-reductions.service';

/**
 * Fixed-term fee reduction or waiver decisions (Act 734/1992 § 11): while one is in force, the
 * client's open invoices get no reminder and go to no collection.
 */
@ApiTags('fee-reductions')
@Controller('fee-reduction-decisions')
export class FeeReductionsController {
  constructor(private readonly decisions: FeeReductionsService) {}

  @Post()
  @HttpCode(201)
  @Roles('client-fee-officer')
  @ApiOperation({
    summary: 'Records a § 11 decision and holds back reminders and collection of the client’s open invoices until it ends.',
    description:
      'The decision is stored once by its reference; each open invoice’s lifecycle is told through the service’s outbox, so a Temporal outage only delays it. ' +
      '`invoicesPaused` counts the open invoices the decision covers.',
  })
  record(@Body() body: FeeReductionDecisionDto, @CurrentUser() user: AccessClaims): Promise<{ decisionId: string; invoicesPaused: number }> {
    return this.decisions.record(body, user.sub);
  }
}
