import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Database, Roles, SignalOutbox } from '@clientfees/platform';
import { caseOfInvoice, reportsOfInvoice } from './agency-case.queries';
import { AgencyCaseView } from './agency-case.view';
import { agencyReportDeliveryKey } from './agency-report-delivery';

@ApiTags('agency cases')
@Controller('agency-cases')
export class AgencyCasesController {
  constructor(
    private readonly db: Database,
    private readonly outbox: SignalOutbox,
  ) {}

  @Get(':invoiceId')
  @Roles('finance-centre')
  @ApiOperation({ summary: 'An invoice’s case at the collection agency, with the agency’s reports.' })
  @ApiOkResponse({ type: AgencyCaseView })
  async get(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string): Promise<AgencyCaseView> {
    const { agencyCase, reports, deliveries } = await this.db.read(async (tx) => {
      const found = await reportsOfInvoice(tx, invoiceId);
      return {
        agencyCase: await caseOfInvoice(tx, invoiceId),
        reports: found,
        deliveries: await this.outbox.deliveries(tx, found.map((report) => agencyReportDeliveryKey(report.reportId))),
      };
    });
    if (!agencyCase) throw new NotFoundException(`invoice ${invoiceId} has no case at the agency`);
    return AgencyCaseView.of(agencyCase, reports, deliveries);
  }
}
