import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Scope, MayDo } from '@clientfees/platform';
import { OrganisationQuery } from '../common/organisation.query';
import { Reconciliation, ReconciliationService } from './reconciliation.service';

@ApiTags('reconciliation')
@Controller('reconciliations')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get(':quarter')
  @MayDo('reconciliation.read')
  @Scope.organisationFromQuery()
  @ApiOperation({ summary: 'The quarterly reconciliation of the finance office, the fee officers and the debt advisers (seed 004): e.g. GET /reconciliations/2027-Q1?organisationId=fi-demo.' })
  @ApiOkResponse({
    schema: {
      example: {
        organisationId: 'fi-demo',
        quarter: '2027-Q1',
        from: '2027-01-01',
        to: '2027-03-31',
        currency: 'EUR',
        monthEnds: [{ monthEnd: '2027-01-31', summary: { claims: 42, clients: 17, openCents: 812345, newCases: 5, closedCases: 4, letters: 6, handedOver: 2, escalated: 1 } }],
        writeOffs: [{ grounds: 'estate-without-assets', proposals: 2, amount: '1310.40' }],
        writtenOff: '1310.40',
        restructurings: { takenEffect: 1, inForce: 6 },
        estates: { opened: 3, closed: 2, open: 5 },
      },
    },
  })
  report(@Param('quarter') quarter: string, @Query() query: OrganisationQuery): Promise<Reconciliation> {
    return this.reconciliation.report(query.organisationId, quarter);
  }
}
