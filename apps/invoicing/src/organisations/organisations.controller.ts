import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@clientfees/platform';
import type { Organisation } from './organisation.queries';
import { PutOrganisationDto } from './organisations.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get()
  @Roles('administrator', 'finance-centre', 'billing-supervisor', 'client-fee-officer')
  @ApiOperation({ summary: 'The organisations and their payment terms.' })
  list(): Promise<Organisation[]> {
    return this.organisations.list();
  }

  @Get(':id')
  @Roles('administrator', 'finance-centre', 'billing-supervisor', 'client-fee-officer')
  get(@Param('id') id: string): Promise<Organisation> {
    return this.organisations.get(id);
  }

  @Put(':id')
  @Roles('administrator')
  @ApiOperation({ summary: 'Creates or replaces an organisation and its payment terms.' })
  put(@Param('id') id: string, @Body() body: PutOrganisationDto): Promise<Organisation> {
    return this.organisations.put(id, body);
  }
}
