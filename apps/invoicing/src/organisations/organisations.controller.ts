import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AccessClaims } from '@clientfees/contracts';
import { CurrentUser, MayDo, Scope } from '@clientfees/platform';
import type { Organisation } from './organisation.queries';
import { PutOrganisationDto } from './organisations.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @MayDo('organisation.read')
  @Scope.caller()
  @ApiOperation({ summary: 'The organisations the caller acts for (those its token names) and their payment terms.' })
  list(@CurrentUser() user: AccessClaims): Promise<Organisation[]> {
    return this.organisations.list(user.organisations);
  }

  @Get(':id')
  @MayDo('organisation.read')
  @Scope.organisationFromParam('id')
  get(@Param('id') id: string): Promise<Organisation> {
    return this.organisations.get(id);
  }

  @Put(':id')
  @MayDo('organisation.configure')
  @Scope.organisationFromParam('id')
  @ApiOperation({ summary: 'Creates or replaces an organisation and its payment terms.' })
  put(@Param('id') id: string, @Body() body: PutOrganisationDto, @CurrentUser() user: AccessClaims): Promise<Organisation> {
    return this.organisations.put(id, body, user.sub);
  }
}
