import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import { providerFilter } from '../common/access';
import { ReportQuery } from './report.dto';
import { ReportsService } from './reports.service';

/** A provider user's reports hold only its own company's rows. */
@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('clients-and-realisation')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Clients and realisation per month, service, content and provider (seed 003 §5.1)' })
  async realisation(@Query() query: ReportQuery, @CurrentUser() user: AccessClaims, @Res({ passthrough: true }) response: Response) {
    const rows = await this.reports.realisation(query.organisationId, query, providerFilter(user));
    if (query.format !== 'csv') return rows;
    response.type('text/csv; charset=utf-8').attachment(`clients-and-realisation-${query.from}-${query.to}.csv`);
    return this.reports.realisationCsv(rows);
  }

  @Get('interruptions')
  @MayDo('voucher-data.read')
  @Scope.organisationFromQuery()
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({ summary: 'Interruptions of the period with their compensated days (seed 003 §5.2)' })
  async interruptions(@Query() query: ReportQuery, @CurrentUser() user: AccessClaims, @Res({ passthrough: true }) response: Response) {
    const rows = await this.reports.interruptions(query.organisationId, query, providerFilter(user));
    if (query.format !== 'csv') return rows;
    response.type('text/csv; charset=utf-8').attachment(`interruptions-${query.from}-${query.to}.csv`);
    return this.reports.interruptionsCsv(rows);
  }
}
