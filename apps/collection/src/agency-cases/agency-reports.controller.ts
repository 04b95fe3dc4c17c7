import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Roles } from '@clientfees/platform';
import { AgencyReportDto, AgencyReportReceipt } from './agency-cases.dto';
import { AgencyReportsService } from './agency-reports.service';

@ApiTags('agency callbacks')
@Controller('agency/reports')
export class AgencyReportsController {
  constructor(private readonly reports: AgencyReportsService) {}

  @Post()
  @HttpCode(200)
  @Roles('collection-agency')
  @ApiOperation({
    summary: 'The collection agency reports a case status (paid, payment plan, returned).',
    description:
      'Idempotent by reportId: a redelivered report is stored once and answered 200 with duplicate=true. The invoice’s lifecycle workflow receives the `agencyStatus` signal through the service’s outbox (at once, or later if Temporal is away: `signal: pending`); if the workflow has ended the report is still stored and answered 200.',
  })
  @ApiOkResponse({ type: AgencyReportReceipt })
  receive(@Body() body: AgencyReportDto, @CurrentUser() user: AccessClaims): Promise<AgencyReportReceipt> {
    return this.reports.receive(body, user.sub);
  }
}
