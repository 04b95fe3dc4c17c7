import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, Scope, MayDo } from '@clientfees/platform';
import { OrganisationQuery } from '../common/organisation.query';
import { RestructuringsService } from './restructurings.service';
import { DebtRestructuringDetailsView, DebtRestructuringView, RecordRestructuringDto } from './restructurings.dto';

@ApiTags('debt restructurings')
@Controller('debt-restructurings')
export class RestructuringsController {
  constructor(private readonly restructurings: RestructuringsService) {}

  @Post()
  @MayDo('debt-restructuring.record')
  @Scope.organisationFromBody()
  @ApiOperation({
    summary: 'Records a debt restructuring decision: collection of its invoices pauses (recalled from the agency without costs), and what is left is proposed for write-off five calendar years after it takes effect.',
  })
  async record(@Body() body: RecordRestructuringDto, @CurrentUser() user: AccessClaims): Promise<DebtRestructuringView> {
    return DebtRestructuringView.of(await this.restructurings.record(user.sub, body));
  }

  @Get()
  @MayDo('debt-restructuring.read')
  @Scope.organisationFromQuery()
  async list(@Query() query: OrganisationQuery): Promise<DebtRestructuringView[]> {
    return (await this.restructurings.list(query.organisationId)).map(DebtRestructuringView.of);
  }

  @Get(':id')
  @MayDo('debt-restructuring.read')
  @Scope.resource('debt-restructuring')
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<DebtRestructuringDetailsView> {
    const { restructuring, events } = await this.restructurings.details(id);
    return { ...DebtRestructuringView.of(restructuring), events };
  }
}
