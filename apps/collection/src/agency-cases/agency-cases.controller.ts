import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Database, Roles, SignalOutbox } from '@clientfees/platform';
import { AgencyCase } from './agency-case.entity';
import { AgencyReport } from './agency-report.entity';
import { AgencyCaseView } from './agency-case.view';
import { agencyReportDeliveryKey } from './agency-report-delivery';

@ApiTags('agency cases')
@Controller('agency-cases')
export class AgencyCasesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly outbox: SignalOutbox,
  ) {}

  @Get(':invoiceId')
  @Roles('finance-centre')
  @ApiOperation({ summary: 'An invoice’s case at the collection agency, with the agency’s reports.' })
  @ApiOkResponse({ type: AgencyCaseView })
  async get(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string): Promise<AgencyCaseView> {
    const agencyCase = await this.dataSource.getRepository(AgencyCase).findOneBy({ invoiceId });
    if (!agencyCase) throw new NotFoundException(`invoice ${invoiceId} has no case at the agency`);
    const reports = await this.dataSource.getRepository(AgencyReport).find({ where: { invoiceId }, order: { receivedAt: 'ASC', reportId: 'ASC' } });
    const deliveries = await this.db.read((tx) => this.outbox.deliveries(tx, reports.map((report) => agencyReportDeliveryKey(report.reportId))));
    return AgencyCaseView.of(agencyCase, reports, deliveries);
  }
}
