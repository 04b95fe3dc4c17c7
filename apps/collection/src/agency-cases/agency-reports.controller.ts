import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { AgencyReportDto, AgencyReportReceipt } from './agency-cases.dto';
import { AgencyReportsService } from './agency-reports.service';

@ApiTags('agency callbacks')
@Controller('agency/reports')
export class AgencyReportsController {
  constructor(private readonly reports: AgencyReportsService) {}

  @Post()
  @HttpCode(200)
  @MayDo('agency-report.submit')
  @Scope.caller()
  @ApiOperation({
    summary: 'The collection agency reports a case status (paid, payment plan, returned) or a step against a deceased client’s estate.',
    description:
      'The case must be one of the organisations the agency’s token names (404 otherwise). Idempotent by reportId: a redelivered report is stored once and answered 200 with duplicate=true. The invoice’s lifecycle workflow receives the `agencyStatus` signal through the service’s outbox (at once, or later if Temporal is away: `signal: pending`); if the workflow has ended the report is still stored and answered 200. An estate step (`demand-to-shareholders`, `second-demand-personal-liability`, `payment-order-applied`) leaves the case’s status as it is and goes to debt follow-up instead, which finds the estate case by the organisation and the client number and shows the step on it (`estateCase`: `signalled`, or `pending` while debt follow-up cannot be reached — collection sends it again every 30 s until answered).',
  })
  @ApiOkResponse({ type: AgencyReportReceipt })
  receive(@Body() body: AgencyReportDto, @CurrentUser() user: AccessClaims): Promise<AgencyReportReceipt> {
    return this.reports.receive(body, user);
  }
}
