import { Controller, Get, NotFoundException, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Database, Roles } from '@clientfees/platform';
import { caseOfInvoice, reportsOfInvoice } from './agency-case.queries';
import { AgencyCaseView } from './agency-case.view';

@ApiTags('agency cases')
@Controller('agency-cases')
export class AgencyCasesController {
  constructor(private readonly db: Database) {}

  @Get(':invoiceId')
  @Roles('finance-centre')
  @ApiOperation({ summary: 'An invoice’s case at the collection agency, with the agency’s reports.' })
  @ApiOkResponse({ type: AgencyCaseView })
  async get(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string): Promise<AgencyCaseView> {
    const { agencyCase, reports } = await this.db.read(async (tx) => ({ agencyCase: await caseOfInvoice(tx, invoiceId), reports: await reportsOfInvoice(tx, invoiceId) }));
    if (!agencyCase) throw new NotFoundException(`invoice ${invoiceId} has no case at the agency`);
    return AgencyCaseView.of(agencyCase, reports);
  }
}
